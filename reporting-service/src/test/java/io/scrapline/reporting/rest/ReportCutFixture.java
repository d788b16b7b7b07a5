package io.scrapline.reporting.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.TestTenants;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A plant (New York time) with costed events on days of October 2026 and the first of November, and the rollups and
 * weekly rollups costing would have kept of them: each event is written as a defect record and its costed event, and
 * the rollups are summed from the current events, so they agree with the events by construction. The events sit on the
 * edges of days in the plant's time zone; one is superseded and counts nowhere.
 */
final class ReportCutFixture {

    static final ZoneId ZONE = ZoneId.of("America/New_York");

    /** One costed event. */
    record Event(String id, String occurredAt, String period, String line, String workCenter, String code, String shift,
            String costType, String coqClass, String amount, String quantity, String recoverable, boolean superseded) {

        Instant at() {
            return OffsetDateTime.parse(occurredAt).toInstant();
        }

        /** The day it occurred on in the plant's time zone. */
        LocalDate day() {
            return at().atZone(ZONE).toLocalDate();
        }
    }

    static final List<Event> EVENTS = List.of(
            event("E1", "2026-10-01T00:30:00-04:00", "2026-10", "L1", "WC-110", "MACH-DIM", "A", "scrap", "100.00"),
            event("E2", "2026-10-13T23:59:59-04:00", "2026-10", "L1", "WC-110", "MACH-DIM", "B", "scrap", "218.40"),
            event("E3", "2026-10-14T00:00:00-04:00", "2026-10", "L1", "WC-120", "WELD-POR", "A", "scrap", "50.05"),
            event("E4", "2026-10-14T12:00:00-04:00", "2026-10", "L2", "WC-210", "PAINT-RUN", "A", "rework", "33.33"),
            // 02:00 UTC on the 15th is still the 14th in New York.
            event("E5", "2026-10-15T02:00:00Z", "2026-10", "L1", "WC-110", "MACH-DIM", "A", "scrap", "1.11"),
            event("E6", "2026-10-16T09:00:00-04:00", "2026-10", "L1", "WC-120", "WELD-POR", "B", "scrap", "10.00"),
            new Event("E7", "2026-10-20T10:00:00-04:00", "2026-10", "L1", "WC-110", "MACH-DIM", "A", "scrap",
                    "internal_failure", "999.99", "1", "0", true),
            new Event("E8", "2026-10-31T23:30:00-04:00", "2026-10", "L2", "WC-210", "MACH-DIM", "B", "return_to_vendor",
                    "external_failure", "12.34", "1", "12.34", false),
            // Sunday 1 November: the next period, in the same week (Monday 26 October to Sunday 1 November).
            event("E9", "2026-11-01T00:10:00-04:00", "2026-11", "L1", "WC-110", "MACH-DIM", "A", "scrap", "7.77"));

    private ReportCutFixture() {
    }

    private static Event event(String id, String at, String period, String line, String workCenter, String code,
            String shift, String costType, String amount) {
        return new Event(id, at, period, line, workCenter, code, shift, costType, "internal_failure", amount, "1", "0",
                false);
    }

    /** The plant DAY1 with the events and their rollups; September has 800.00 of cost on L1. */
    static void plant(TenantDb db, String tenant) {
        TestTenants.createWithPlant(db, tenant, "DAY1");
        UUID batch = UUID.randomUUID();
        db.inTenant(tenant, connection -> connection.query("""
                INSERT INTO defect_codes (tenant_id, code, description, category, coq_class) VALUES
                    (current_tenant(), 'MACH-DIM', 'Dimension out of tolerance', 'machining', 'internal_failure'),
                    (current_tenant(), 'WELD-POR', 'Weld porosity', 'welding', 'internal_failure'),
                    (current_tenant(), 'PAINT-RUN', 'Paint run', 'paint', 'internal_failure')
                """).execute()
                .chain(() -> Multi.createFrom().iterable(EVENTS).onItem()
                        .transformToUniAndConcatenate(event -> insert(connection, batch, event)).collect().last())
                .chain(() -> connection.query("""
                        INSERT INTO cost_rollups (tenant_id, plant_id, period, line_id, work_center_id, defect_code,
                            shift, cost_type, coq_class, amount, quantity, events, recoverable_amount, exposure_amount)
                        SELECT tenant_id, plant_id, period, line_id, work_center_id, defect_code, shift, cost_type,
                            coq_class, sum(amount), sum(quantity), count(*), sum(recoverable_amount),
                            sum(exposure_amount)
                        FROM costed_events WHERE NOT superseded
                        GROUP BY tenant_id, plant_id, period, line_id, work_center_id, defect_code, shift, cost_type,
                            coq_class
                        """).execute())
                .chain(() -> connection
                        .query("""
                                INSERT INTO cost_rollups_weekly (tenant_id, plant_id, week_start, line_id, defect_code, amount,
                                    events)
                                SELECT e.tenant_id, e.plant_id, date_trunc('week', e.occurred_at AT TIME ZONE p.time_zone)::date,
                                    e.line_id, e.defect_code, sum(e.amount), count(*)
                                FROM costed_events e JOIN plants p ON p.tenant_id = e.tenant_id AND p.plant_id = e.plant_id
                                WHERE NOT e.superseded
                                GROUP BY 1, 2, 3, 4, 5
                                """)
                        .execute())
                .chain(() -> connection.query("""
                        INSERT INTO cost_rollups (tenant_id, plant_id, period, line_id, work_center_id, defect_code,
                            shift, cost_type, coq_class, amount, quantity, events)
                        VALUES (current_tenant(), 'DAY1', '2026-09', 'L1', 'WC-110', 'MACH-DIM', 'A', 'scrap',
                            'internal_failure', 800.00, 4, 2)
                        """).execute())).await().indefinitely();
    }

    private static Uni<Void> insert(SqlConnection connection, UUID batch, Event event) {
        return connection.preparedQuery("""
                WITH record AS (
                    INSERT INTO defect_records (tenant_id, source, source_id, version, batch_id, content_hash,
                        plant_id, line_id, work_center_id, part, defect_code, quantity, disposition, occurred_at,
                        shift)
                    VALUES (current_tenant(), 'mes', $1, 1, $2, $1, 'DAY1', $3, $4, 'PN-1', $5, $9::numeric, 'scrap',
                        $11::timestamptz, $6)
                    RETURNING record_id)
                INSERT INTO costed_events (tenant_id, record_id, source, source_id, record_version, plant_id, period,
                    line_id, work_center_id, shift, part, defect_code, coq_class, disposition, cost_type, quantity,
                    unit_value, amount, currency, occurred_at, recoverable_amount, superseded)
                SELECT current_tenant(), record_id, 'mes', $1, 1, 'DAY1', $12, $3, $4, $6, 'PN-1', $5, $8, 'scrap', $7,
                    $9::numeric, $10::numeric, $10::numeric, 'USD', $11::timestamptz, $13::numeric, $14
                FROM record
                """).execute(Tuple.tuple().addValue(event.id()).addValue(batch).addValue(event.line())
                .addValue(event.workCenter()).addValue(event.code()).addValue(event.shift()).addValue(event.costType())
                .addValue(event.coqClass()).addValue(new BigDecimal(event.quantity()))
                .addValue(new BigDecimal(event.amount())).addValue(OffsetDateTime.parse(event.occurredAt()))
                .addValue(event.period()).addValue(new BigDecimal(event.recoverable())).addValue(event.superseded()))
                .replaceWithVoid();
    }

    /** The total cost of the current events that {@code counted} admits, from the list above. */
    static BigDecimal total(Predicate<Event> counted) {
        return EVENTS.stream().filter(e -> !e.superseded()).filter(counted).map(e -> new BigDecimal(e.amount()))
                .reduce(new BigDecimal("0.00"), BigDecimal::add);
    }

    /** How many current events {@code counted} admits. */
    static long events(Predicate<Event> counted) {
        return EVENTS.stream().filter(e -> !e.superseded()).filter(counted).count();
    }
}
