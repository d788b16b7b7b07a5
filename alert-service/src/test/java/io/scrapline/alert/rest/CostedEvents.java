package io.scrapline.alert.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import io.scrapline.platform.tenant.TenantDb;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Costed events as costing writes them, for the evaluation to read: a defect record and its current costed event,
 * written as the tenant. An event is built from {@link #event} and changed with its {@code with} methods; its period is
 * the calendar month it occurred in, in New York time, unless named.
 */
public final class CostedEvents {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private CostedEvents() {
    }

    /** An event of {@code code} costing {@code amount} USD in plant DAY1, line L1, work center WC-110, shift A. */
    public static Event event(String code, String amount, Instant occurredAt) {
        return new Event("DAY1", null, "L1", "WC-110", "A", code, "100-4471-A", BigDecimal.ONE, new BigDecimal(amount),
                occurredAt, null, false);
    }

    public record Event(String plant, String period, String line, String workCenter, String shift, String code,
            String part, BigDecimal quantity, BigDecimal amount, Instant occurredAt, String ncr, boolean superseded) {

        Event line(String value) {
            return new Event(plant, period, value, workCenter, shift, code, part, quantity, amount, occurredAt, ncr,
                    superseded);
        }

        Event workCenter(String value) {
            return new Event(plant, period, line, value, shift, code, part, quantity, amount, occurredAt, ncr,
                    superseded);
        }

        public Event shift(String value) {
            return new Event(plant, period, line, workCenter, value, code, part, quantity, amount, occurredAt, ncr,
                    superseded);
        }

        Event plant(String value) {
            return new Event(value, period, line, workCenter, shift, code, part, quantity, amount, occurredAt, ncr,
                    superseded);
        }

        Event period(String value) {
            return new Event(plant, value, line, workCenter, shift, code, part, quantity, amount, occurredAt, ncr,
                    superseded);
        }

        Event quantity(String value) {
            return new Event(plant, period, line, workCenter, shift, code, part, new BigDecimal(value), amount,
                    occurredAt, ncr, superseded);
        }

        Event ncr(String value) {
            return new Event(plant, period, line, workCenter, shift, code, part, quantity, amount, occurredAt, value,
                    superseded);
        }

        Event asSuperseded() {
            return new Event(plant, period, line, workCenter, shift, code, part, quantity, amount, occurredAt, ncr,
                    true);
        }

        /** Writes the event; its id. */
        public long insert(TenantDb db, String tenant) {
            String sourceId = "mes-" + UUID.randomUUID();
            String booked = period != null ? period : YearMonth.from(occurredAt.atZone(NEW_YORK)).format(MONTH);
            return db
                    .inTenant(tenant, connection -> connection
                            .preparedQuery(
                                    """
                                            INSERT INTO defect_records (tenant_id, source, source_id, version, batch_id, content_hash, plant_id,
                                                line_id, work_center_id, part, defect_code, quantity, disposition, occurred_at, shift, ncr)
                                            VALUES (current_tenant(), 'mes', $1, 1, $2, 'h', $3, $4, $5, $6, $7, $8, 'scrap', $9, $10, $11)
                                            RETURNING record_id
                                            """)
                            .execute(Tuple.tuple().addValue(sourceId).addValue(UUID.randomUUID()).addValue(plant)
                                    .addValue(line).addValue(workCenter).addValue(part).addValue(code)
                                    .addValue(quantity).addValue(occurredAt.atOffset(java.time.ZoneOffset.UTC))
                                    .addValue(shift).addValue(ncr))
                            .chain(rows -> connection
                                    .preparedQuery(
                                            """
                                                    INSERT INTO costed_events (tenant_id, record_id, source, source_id, record_version, plant_id,
                                                        period, line_id, work_center_id, shift, part, defect_code, coq_class, disposition,
                                                        cost_type, quantity, unit_value, amount, currency, occurred_at, ncr, superseded)
                                                    VALUES (current_tenant(), $1, 'mes', $2, 1, $3, $4, $5, $6, $7, $8, $9, 'internal_failure',
                                                        'scrap', 'scrap', $10, $11, $11, 'USD', $12, $13, $14)
                                                    RETURNING event_id
                                                    """)
                                    .execute(Tuple.tuple().addValue(rows.iterator().next().getLong(0))
                                            .addValue(sourceId).addValue(plant).addValue(booked).addValue(line)
                                            .addValue(workCenter).addValue(shift).addValue(part).addValue(code)
                                            .addValue(quantity).addValue(amount)
                                            .addValue(occurredAt.atOffset(java.time.ZoneOffset.UTC)).addValue(ncr)
                                            .addValue(superseded)))
                            .map(rows -> rows.iterator().next().getLong(0)))
                    .await().indefinitely();
        }
    }
}
