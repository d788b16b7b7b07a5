package io.scrapline.reporting.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.scrapline.reporting.domain.Report;
import io.scrapline.reporting.domain.ReportDifferences;
import io.scrapline.reporting.domain.ReportFigures;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Closed periods and the stored versions of their reports, as JSON in the API's own shape. */
@ApplicationScoped
public class SnapshotRepository {

    public record ClosedPeriod(OffsetDateTime closedAt, String closedBy, int version) {
    }

    public record Snapshot(int version, Report report, ReportFigures figures, ReportDifferences differences,
            OffsetDateTime createdAt, String createdBy) {
    }

    private final ObjectMapper json;

    public SnapshotRepository(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Waits for the costing transactions that are writing the plant's events to commit, and keeps new ones waiting
     * until this transaction ends, so no event lands in a period between the capture of its figures and the commit of
     * its close: costing takes the same key shared (V12__period_close.sql) before it reads {@code closed_periods}.
     */
    public Uni<Void> lockOutCosting(SqlConnection connection, String plant) {
        return connection.preparedQuery(
                "SELECT pg_advisory_xact_lock(hashtext('period-close'), hashtext(current_tenant() || '/' || $1))")
                .execute(Tuple.of(plant)).replaceWithVoid();
    }

    /** The closed period, locked against a concurrent restatement when {@code lock}. */
    public Uni<Optional<ClosedPeriod>> closed(SqlConnection connection, String plant, String period, boolean lock) {
        return connection
                .preparedQuery("SELECT closed_at, closed_by, version FROM closed_periods WHERE plant_id = $1 "
                        + "AND period = $2" + (lock ? " FOR UPDATE" : ""))
                .execute(Tuple.of(plant, period)).map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new ClosedPeriod(row.getOffsetDateTime(0), row.getString(1), row.getInteger(2)));
                });
    }

    /** Records the period as closed at version 1; empty if it was closed already. */
    public Uni<Optional<ClosedPeriod>> close(SqlConnection connection, String plant, String period, String by) {
        return connection.preparedQuery("""
                INSERT INTO closed_periods (tenant_id, plant_id, period, closed_by)
                VALUES (current_tenant(), $1, $2, $3)
                ON CONFLICT (tenant_id, plant_id, period) DO NOTHING
                RETURNING closed_at, closed_by, version
                """).execute(Tuple.of(plant, period, by)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new ClosedPeriod(row.getOffsetDateTime(0), row.getString(1), row.getInteger(2)));
        });
    }

    public Uni<Void> setVersion(SqlConnection connection, String plant, String period, int version) {
        return connection.preparedQuery("UPDATE closed_periods SET version = $3 WHERE plant_id = $1 AND period = $2")
                .execute(Tuple.of(plant, period, version)).replaceWithVoid();
    }

    /** Stores a version; {@code differences} is null for version 1. */
    public Uni<OffsetDateTime> insert(SqlConnection connection, String plant, String period, Report report,
            ReportFigures figures, ReportDifferences differences, String by) {
        return connection.preparedQuery("""
                INSERT INTO report_snapshots (tenant_id, plant_id, period, version, report, figures, differences,
                    created_by)
                VALUES (current_tenant(), $1, $2, $3, $4::text::jsonb, $5::text::jsonb, $6::text::jsonb, $7)
                RETURNING created_at
                """)
                .execute(Tuple.tuple().addValue(plant).addValue(period).addValue(report.version())
                        .addValue(write(report)).addValue(write(figures))
                        .addValue(differences == null ? null : write(differences)).addValue(by))
                .map(rows -> rows.iterator().next().getOffsetDateTime(0));
    }

    /** One version of the plant-period's report, or its latest when {@code version} is null. */
    public Uni<Optional<Snapshot>> snapshot(SqlConnection connection, String plant, String period, Integer version) {
        return connection.preparedQuery("""
                SELECT version, report::text, figures::text, differences::text, created_at, created_by
                FROM report_snapshots
                WHERE plant_id = $1 AND period = $2 AND ($3::integer IS NULL OR version = $3)
                ORDER BY version DESC LIMIT 1
                """).execute(Tuple.of(plant, period, version)).map(
                rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toSnapshot(rows.iterator().next(), true)));
    }

    /** Every version of the plant-period, oldest first, without the figures. */
    public Uni<List<Snapshot>> versions(SqlConnection connection, String plant, String period) {
        return connection.preparedQuery("""
                SELECT version, report::text, NULL, differences::text, created_at, created_by
                FROM report_snapshots WHERE plant_id = $1 AND period = $2 ORDER BY version
                """).execute(Tuple.of(plant, period)).map(rows -> {
            List<Snapshot> versions = new ArrayList<>();
            for (Row row : rows) {
                versions.add(toSnapshot(row, false));
            }
            return versions;
        });
    }

    private Snapshot toSnapshot(Row row, boolean withFigures) {
        String differences = row.getString(3);
        return new Snapshot(row.getInteger(0), read(row.getString(1), Report.class),
                withFigures ? read(row.getString(2), ReportFigures.class) : null,
                differences == null ? null : read(differences, ReportDifferences.class), row.getOffsetDateTime(4),
                row.getString(5));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a report snapshot as JSON", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored report snapshot does not read as " + type.getSimpleName(), e);
        }
    }
}
