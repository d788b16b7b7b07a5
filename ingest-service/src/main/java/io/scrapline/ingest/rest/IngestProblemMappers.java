package io.scrapline.ingest.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.scrapline.ingest.domain.UnverifiedWebhookProblem;
import io.scrapline.platform.problem.Problem;
import io.scrapline.platform.problem.ProblemMappers;

/** The problems of ingest's own, next to the platform's {@link ProblemMappers}. */
public class IngestProblemMappers {

    @ServerExceptionMapper
    public Response unverified(UnverifiedWebhookProblem e) {
        return ProblemMappers
                .problem(Problem.of("webhook-unverified", "Webhook signature not verified", 401, e.getMessage()));
    }
}
