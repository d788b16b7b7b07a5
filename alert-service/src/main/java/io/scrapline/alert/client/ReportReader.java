package io.scrapline.alert.client;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.scrapline.alert.domain.DistributionRun;
import io.scrapline.alert.domain.Recipient;
import io.scrapline.alert.domain.ReportSummary;
import io.scrapline.alert.domain.Subscription;
import io.smallrye.mutiny.Uni;

/** The report of a distribution's run in a recipient's view, as a file to attach or as its headline figures. */
@ApplicationScoped
public class ReportReader {

    /** The media type reporting answers each attached format in. */
    public static final Map<String, String> MEDIA_TYPES = Map.of(Subscription.PDF, "application/pdf", Subscription.XLSX,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static final String JSON = "application/json";

    private final ReportClient reports;
    private final ObjectMapper json;

    public ReportReader(@RestClient ReportClient reports, ObjectMapper json) {
        this.reports = reports;
        this.json = json;
    }

    /**
     * The report as a file of {@code format} ({@link Subscription#PDF}, {@link Subscription#XLSX}).
     *
     * @throws ReportUnavailableException
     *             (as the failure) when reporting does not give it
     */
    public Uni<byte[]> file(String tenant, DistributionRun run, Recipient.ReportView view, String format) {
        return read(tenant, run, view, MEDIA_TYPES.get(format));
    }

    /** The report's headline figures, from its JSON. */
    public Uni<ReportSummary> summary(String tenant, DistributionRun run, Recipient.ReportView view) {
        return read(tenant, run, view, JSON).map(this::summary);
    }

    private Uni<byte[]> read(String tenant, DistributionRun run, Recipient.ReportView view, String accept) {
        Uni<byte[]> answer = Subscription.WEEKLY.equals(run.cadence())
                ? reports.week(tenant, accept, run.plant(), run.weekStart().toString(), view.parameter(), view.line(),
                        run.asOf().toString())
                : reports.period(tenant, accept, run.plant(), run.period(), view.parameter(), view.line(),
                        run.asOf() == null ? null : run.asOf().toString(), run.version());
        return answer.onFailure().transform(ReportReader::unavailable);
    }

    private ReportSummary summary(byte[] body) {
        try {
            JsonNode report = json.readTree(body);
            JsonNode totals = report.path("totals");
            return new ReportSummary(report.path("currency").asText(), report.path("status").asText(),
                    report.path("version").asInt(), new BigDecimal(totals.path("scrap_cost").asText("0")),
                    new BigDecimal(totals.path("rework_cost").asText("0")),
                    new BigDecimal(totals.path("total_cost").asText("0")), totals.path("events").asLong());
        } catch (IOException | NumberFormatException e) {
            throw new ReportUnavailableException("reporting's answer is not a report", false, null);
        }
    }

    static ReportUnavailableException unavailable(Throwable failure) {
        if (failure instanceof ReportUnavailableException known) {
            return known;
        }
        if (failure instanceof WebApplicationException answered && answered.getResponse() != null) {
            int status = answered.getResponse().getStatus();
            boolean retryable = status >= 500 || status == 408 || status == 429;
            return new ReportUnavailableException("reporting answered " + status, retryable, status);
        }
        return new ReportUnavailableException(
                "reporting could not be reached (" + failure.getClass().getSimpleName() + ")", true, null);
    }
}
