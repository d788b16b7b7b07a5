package io.scrapline.ingest.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.identity.ServiceTokenFilter;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestServiceTokens;
import io.scrapline.platform.testing.TestTenants;
import io.scrapline.platform.testing.TestTokens;
import io.smallrye.jwt.auth.principal.JWTParser;

/**
 * What ingest sends costing after a batch commits: a prompt with ingest's own service token for the batch's tenant,
 * never the sender's token. Costing cannot run in this JVM, so a real HTTP server stands in for it and keeps what it
 * was sent (the whole chain runs in bench's EndToEndIT).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(value = CostingPromptTest.CostingStandIn.class, restrictToAnnotatedClass = true)
class CostingPromptTest {

    /** An HTTP server at costing's URL that answers every prompt as costing would. */
    public static class CostingStandIn implements QuarkusTestResourceLifecycleManager {

        static WireMockServer costing;

        @Override
        public Map<String, String> start() {
            costing = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            costing.start();
            costing.stubFor(post(urlPathEqualTo(RUNS)).willReturn(okJson("{\"costed\": 1, \"exceptions\": 0}")));
            return Map.of("quarkus.rest-client.costing.url", costing.baseUrl());
        }

        @Override
        public void stop() {
            costing.stop();
        }
    }

    private static final String RUNS = "/api/v1/costing/runs";

    @Inject
    TenantDb db;

    @Inject
    JWTParser tokens;

    @Test
    void aLineLimitedUsersBatchPromptsCostingWithIngestsTokenForTheTenant() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        TestTenants.createWithPlant(db, tenant, "DAY1");
        String user = TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of("L1"), "ingest");

        String batch = given().auth().oauth2(user).contentType("text/csv").body("""
                source_id,plant,line,work_center,part,defect_code,quantity,disposition,occurred_at
                MES-1,DAY1,L1,WC-110,MFG-4471,D-114,3,scrap,2026-10-14T09:30:00-04:00
                """).post("/api/v1/sources/plex-mes/records/defects").then().statusCode(201).extract().path("batch_id");

        LoggedRequest prompt = promptOf(batch);
        String authorization = prompt.getHeader("Authorization");
        assertThat(authorization).startsWith("Bearer ").doesNotContain(user);
        assertThat(prompt.containsHeader(ServiceTokenFilter.TENANT_HEADER)).isFalse();
        JsonWebToken token = tokens.parse(authorization.substring("Bearer ".length()));
        assertThat(token.getIssuer()).isEqualTo(TestServiceTokens.ISSUER);
        assertThat(token.getGroups()).containsExactly("service");
        assertThat(token.getSubject()).isEqualTo("ingest-service");
        assertThat((String) token.getClaim(Caller.TENANT_CLAIM)).isEqualTo(tenant);
        assertThat(token.getClaimNames()).doesNotContain(Caller.PLANTS_CLAIM, Caller.LINES_CLAIM);
        assertThat(token.getExpirationTime() - token.getIssuedAtTime()).isEqualTo(60);
        assertThat(new ObjectMapper().readTree(prompt.getBodyAsString()).path("record_type").asText())
                .isEqualTo("defects");
    }

    /** The prompt costing was sent for the batch; it is sent after the batch's answer, so it may take a moment. */
    private static LoggedRequest promptOf(String batch) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            List<LoggedRequest> prompts = CostingStandIn.costing.findAll(postRequestedFor(urlPathEqualTo(RUNS)))
                    .stream().filter(request -> batch.equals(batchOf(request))).toList();
            if (!prompts.isEmpty()) {
                assertThat(prompts).hasSize(1);
                return prompts.get(0);
            }
            sleep();
        }
        throw new AssertionError("costing was not prompted for batch " + batch + " within 10 s");
    }

    private static String batchOf(LoggedRequest request) {
        try {
            JsonNode body = new ObjectMapper().readTree(request.getBodyAsString());
            return body.path("batch_id").asText();
        } catch (IOException e) {
            return null;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
