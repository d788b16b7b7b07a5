package io.scrapline.reporting.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.scrapline.reporting.domain.ManualReport;
import io.scrapline.reporting.domain.ParallelComparison;
import io.scrapline.reporting.domain.ParallelRun;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Parallel runs (V28) and what they compare: the uploaded rows and the last comparison as JSON in the API's own shape,
 * and the plant-period's current costed events. Every method runs inside the caller's tenant transaction.
 */
@ApplicationScoped
public class ParallelRunRepository {

    private static final String COLUMNS = """
            run_id, plant_id, period, file_name, file_format, uploaded_by, uploaded_at, compared_by, compared_at,
            comparisons""";

    /** Where a costed event is explained, in costing-service's API. */
    private static final String EVENT_LINK = "/api/v1/costed-events/";

    private final ObjectMapper json;

    public ParallelRunRepository(ObjectMapper json) {
        this.json = json;
    }

    /** The current costed events of the plant-period, by line, part and defect code. */
    public Uni<List<ParallelComparison.Event>> events(SqlConnection connection, String plant, String period) {
        return connection.preparedQuery("""
                SELECT event_id, source, source_id, line_id, part, defect_code, cost_type, quantity, unit_value, amount,
                    occurred_at
                FROM costed_events WHERE plant_id = $1 AND period = $2 AND NOT superseded
                ORDER BY line_id, part, defect_code, event_id
                """).execute(Tuple.of(plant, period)).map(rows -> {
            List<ParallelComparison.Event> events = new ArrayList<>();
            for (Row row : rows) {
                long id = row.getLong(0);
                events.add(new ParallelComparison.Event(id, row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6), row.getBigDecimal(7).stripTrailingZeros(),
                        row.getBigDecimal(8), row.getBigDecimal(9), row.getOffsetDateTime(10), EVENT_LINK + id));
            }
            return events;
        });
    }

    /** How many events of the plant-period wait in an open exception. */
    public Uni<Long> uncosted(SqlConnection connection, String plant, String period) {
        return connection.preparedQuery("""
                SELECT count(*) FROM costing_exceptions WHERE plant_id = $1 AND period = $2 AND status = 'open'
                """).execute(Tuple.of(plant, period)).map(rows -> rows.iterator().next().getLong(0));
    }

    /** Stores a run with its first comparison and answers its id. */
    public Uni<Long> insert(SqlConnection connection, String plant, String period, String fileName, String format,
            String by, List<ManualReport.Row> rows, ParallelComparison comparison) {
        return connection.preparedQuery("""
                INSERT INTO parallel_runs (tenant_id, plant_id, period, file_name, file_format, uploaded_by,
                    manual_rows, result, compared_by)
                VALUES (current_tenant(), $1, $2, $3, $4, $5, $6::text::jsonb, $7::text::jsonb, $5)
                RETURNING run_id
                """)
                .execute(Tuple.tuple().addValue(plant).addValue(period).addValue(fileName).addValue(format).addValue(by)
                        .addValue(write(rows)).addValue(write(comparison)))
                .map(found -> found.iterator().next().getLong(0));
    }

    /** Replaces the run's comparison with a new one, made by {@code by}. */
    public Uni<Void> compared(SqlConnection connection, long id, String by, ParallelComparison comparison) {
        return connection.preparedQuery("""
                UPDATE parallel_runs SET result = $2::text::jsonb, compared_by = $3, compared_at = now(),
                    comparisons = comparisons + 1
                WHERE run_id = $1
                """).execute(Tuple.of(id, write(comparison), by)).replaceWithVoid();
    }

    /** The run with its comparison, or empty if the tenant has no such run. */
    public Uni<Optional<ParallelRun>> find(SqlConnection connection, long id) {
        return connection.preparedQuery("SELECT " + COLUMNS + ", result::text FROM parallel_runs WHERE run_id = $1")
                .execute(Tuple.of(id)).map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    ParallelComparison comparison = read(row.getString(10), new TypeReference<ParallelComparison>() {
                    });
                    return Optional.of(run(row, comparison, comparison.totals()));
                });
    }

    /** The rows the run was uploaded with. */
    public Uni<List<ManualReport.Row>> rows(SqlConnection connection, long id) {
        return connection.preparedQuery("SELECT manual_rows::text FROM parallel_runs WHERE run_id = $1")
                .execute(Tuple.of(id))
                .map(rows -> read(rows.iterator().next().getString(0), new TypeReference<List<ManualReport.Row>>() {
                }));
    }

    /**
     * The runs of the plants {@code plants} (empty: every plant), of {@code plant} and {@code period} when given,
     * newest first, with their totals.
     */
    public Uni<List<ParallelRun>> list(SqlConnection connection, String[] plants, String plant, String period,
            int limit) {
        return connection.preparedQuery("SELECT " + COLUMNS + ", (result - 'by_line' - 'discrepancies')::text "
                + "FROM parallel_runs "
                + "WHERE (cardinality($1::text[]) = 0 OR plant_id = ANY($1)) AND ($2::text IS NULL OR plant_id = $2) "
                + "AND ($3::text IS NULL OR period = $3) ORDER BY run_id DESC LIMIT $4")
                .execute(Tuple.of(plants, plant, period, limit)).map(rows -> {
                    List<ParallelRun> runs = new ArrayList<>();
                    for (Row row : rows) {
                        ParallelComparison summary = read(row.getString(10), new TypeReference<ParallelComparison>() {
                        });
                        runs.add(run(row, null, summary.totals(), summary.currency()));
                    }
                    return runs;
                });
    }

    private static ParallelRun run(Row row, ParallelComparison comparison, ParallelComparison.Totals totals) {
        return run(row, comparison, totals, comparison.currency());
    }

    /** The run of {@code row}; {@code comparison} null for a list, which shows the totals only. */
    private static ParallelRun run(Row row, ParallelComparison comparison, ParallelComparison.Totals totals,
            String currency) {
        return new ParallelRun(row.getLong(0), row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getOffsetDateTime(6), row.getString(7), row.getOffsetDateTime(8),
                row.getInteger(9), currency, totals, comparison == null ? null : comparison.byLine(),
                comparison == null ? null : comparison.discrepancies());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a parallel run as JSON", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored parallel run does not read as JSON of its kind", e);
        }
    }
}
