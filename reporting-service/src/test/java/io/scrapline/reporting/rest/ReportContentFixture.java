package io.scrapline.reporting.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.TestTenants;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A plant with every aggregate a report reads, as costing and ingest would have kept them. Figures worked by hand:
 *
 * <pre>
 * October 2026     line WC      code       shift type              coq               amount  qty events
 *                  L1   WC-110  MACH-DIM   A     scrap             internal_failure  655.20  3   1
 *                  L1   WC-110  MACH-DIM   B     scrap             internal_failure  218.40  1   1
 *                  L1   WC-120  WELD-POR   A     scrap             internal_failure  100.00  2   2
 *                  L1   WC-120  WELD-POR   B     quarantine        internal_failure    0.00  4   1  exposure 400.00
 *                  L2   WC-210  PAINT-RUN  A     rework            internal_failure   50.05  5   1
 *                  L2   WC-210  MACH-DIM   B     return_to_vendor  external_failure   33.33  1   1  recoverable 20.00
 *                  L2   WC-210  ''         B     rework            internal_failure   12.00  0   1  (no defect record)
 *   scrap 1006.93 + rework 62.05 = 1068.98, 8 events; L1 973.60, L2 95.38
 *   Pareto: MACH-DIM 906.93, WELD-POR 100.00, PAINT-RUN 50.05, rework without a defect record 12.00
 * September 2026: L1 MACH-DIM scrap 800.00 (2 events); January 2026: L2 PAINT-RUN rework 100.00 (1 event);
 * December 2025 (the year before): L1 MACH-DIM scrap 999.00
 *   year to date 2026-01..2026-10: scrap 1806.93 + rework 162.05 = 1968.98, 11 events;
 *   internal_failure 1935.65, external_failure 33.33
 *
 * scrap variances of October: PN-1 0010 planned 2, unplanned 3, variance 1, 45.00, 2 confirmations;
 *   PN-2 0020 planned 1.5, unplanned 0, variance −1.5, −30.00, 1 confirmation; totals 3.5, 3, 6.5, −0.5, 15.00
 *   (and one of September's, not October's)
 *
 * weekly costs (weeks from Monday; the trend's 13 weeks run from 2026-08-03 to 2026-10-26):
 *   MACH-DIM L1 2026-07-27 500.00 (before the 13 weeks), L1 2026-09-07 800.00, L1 2026-10-05 655.20,
 *            L1 2026-10-19 218.40, L2 2026-10-26 33.33: 1706.93 in the 13 weeks, L1 1673.60 of it
 *   WELD-POR L1 2026-10-12 100.00; PAINT-RUN L2 2026-10-26 50.05; '' L2 2026-10-26 12.00
 *
 * NCRs (latest version of each number): NCR-1 MACH-DIM open, corrective action in_progress (version 1 said open);
 *   NCR-2 MACH-DIM closed, corrective action closed; NCR-3 WELD-POR open without a corrective action
 *
 * alert rules on cost per period: MACH-DIM 1000.00 and 800.00 (the lower fires first), WELD-POR 50.00 but disabled,
 *   PAINT-RUN 40.00
 * </pre>
 */
final class ReportContentFixture {

    static final String REPORT = "/api/v1/reports/DAY1/2026-10";

    private ReportContentFixture() {
    }

    static void plant(TenantDb db, String tenant) {
        TestTenants.createWithPlant(db, tenant, "DAY1");
        UUID batch = UUID.randomUUID();
        db.inTenant(tenant, connection -> run(connection, """
                INSERT INTO defect_codes (tenant_id, code, description, category, coq_class) VALUES
                    (current_tenant(), 'MACH-DIM', 'Dimension out of tolerance', 'machining', 'internal_failure'),
                    (current_tenant(), 'WELD-POR', 'Weld porosity', 'welding', 'internal_failure'),
                    (current_tenant(), 'PAINT-RUN', 'Paint run', 'paint', 'internal_failure')
                """).chain(() -> run(connection, """
                INSERT INTO cost_rollups (tenant_id, plant_id, period, line_id, work_center_id, defect_code, shift,
                    cost_type, coq_class, amount, quantity, events, recoverable_amount, exposure_amount)
                VALUES
                    (current_tenant(), 'DAY1', '2026-10', 'L1', 'WC-110', 'MACH-DIM', 'A', 'scrap',
                        'internal_failure', 655.20, 3, 1, 0, 0),
                    (current_tenant(), 'DAY1', '2026-10', 'L1', 'WC-110', 'MACH-DIM', 'B', 'scrap',
                        'internal_failure', 218.40, 1, 1, 0, 0),
                    (current_tenant(), 'DAY1', '2026-10', 'L1', 'WC-120', 'WELD-POR', 'A', 'scrap',
                        'internal_failure', 100.00, 2, 2, 0, 0),
                    (current_tenant(), 'DAY1', '2026-10', 'L1', 'WC-120', 'WELD-POR', 'B', 'quarantine',
                        'internal_failure', 0, 4, 1, 0, 400.00),
                    (current_tenant(), 'DAY1', '2026-10', 'L2', 'WC-210', 'PAINT-RUN', 'A', 'rework',
                        'internal_failure', 50.05, 5, 1, 0, 0),
                    (current_tenant(), 'DAY1', '2026-10', 'L2', 'WC-210', 'MACH-DIM', 'B', 'return_to_vendor',
                        'external_failure', 33.33, 1, 1, 20.00, 0),
                    (current_tenant(), 'DAY1', '2026-10', 'L2', 'WC-210', '', 'B', 'rework',
                        'internal_failure', 12.00, 0, 1, 0, 0),
                    (current_tenant(), 'DAY1', '2026-09', 'L1', 'WC-110', 'MACH-DIM', 'A', 'scrap',
                        'internal_failure', 800.00, 4, 2, 0, 0),
                    (current_tenant(), 'DAY1', '2026-01', 'L2', 'WC-210', 'PAINT-RUN', 'A', 'rework',
                        'internal_failure', 100.00, 1, 1, 0, 0),
                    (current_tenant(), 'DAY1', '2025-12', 'L1', 'WC-110', 'MACH-DIM', 'A', 'scrap',
                        'internal_failure', 999.00, 1, 1, 0, 0)
                """)).chain(() -> run(connection, """
                INSERT INTO scrap_variances (tenant_id, plant_id, period, part, operation, planned_quantity,
                    unplanned_quantity, variance_quantity, variance_value, confirmations)
                VALUES (current_tenant(), 'DAY1', '2026-10', 'PN-1', '0010', 2, 3, 1, 45.00, 2),
                    (current_tenant(), 'DAY1', '2026-10', 'PN-2', '0020', 1.5, 0, -1.5, -30.00, 1),
                    (current_tenant(), 'DAY1', '2026-09', 'PN-1', '0010', 0, 7, 7, 315.00, 3)
                """)).chain(() -> week(connection, "L1", "2026-07-27", "MACH-DIM", "500.00"))
                .chain(() -> week(connection, "L1", "2026-09-07", "MACH-DIM", "800.00"))
                .chain(() -> week(connection, "L1", "2026-10-05", "MACH-DIM", "655.20"))
                .chain(() -> week(connection, "L1", "2026-10-19", "MACH-DIM", "218.40"))
                .chain(() -> week(connection, "L2", "2026-10-26", "MACH-DIM", "33.33"))
                .chain(() -> week(connection, "L1", "2026-10-12", "WELD-POR", "100.00"))
                .chain(() -> week(connection, "L2", "2026-10-26", "PAINT-RUN", "50.05"))
                .chain(() -> week(connection, "L2", "2026-10-26", "", "12.00"))
                .chain(() -> ncr(connection, batch, "NCR-1", 1, "open", "MACH-DIM", "open"))
                .chain(() -> ncr(connection, batch, "NCR-1", 2, "open", "MACH-DIM", "in_progress"))
                .chain(() -> ncr(connection, batch, "NCR-2", 1, "closed", "MACH-DIM", "closed"))
                .chain(() -> ncr(connection, batch, "NCR-3", 1, "open", "WELD-POR", null))
                .chain(() -> run(connection, """
                        INSERT INTO audiences (tenant_id, audience_id, members)
                        VALUES (current_tenant(), 'quality', '[]'::jsonb)
                        """)).chain(() -> rule(connection, "mach-high", "MACH-DIM", "1000.00", true))
                .chain(() -> rule(connection, "mach-low", "MACH-DIM", "800.00", true))
                .chain(() -> rule(connection, "weld", "WELD-POR", "50.00", false))
                .chain(() -> rule(connection, "paint", "PAINT-RUN", "40.00", true))).await().indefinitely();
    }

    static Uni<Void> week(SqlConnection connection, String line, String monday, String code, String amount) {
        return run(connection, """
                INSERT INTO cost_rollups_weekly (tenant_id, plant_id, week_start, line_id, defect_code, amount, events)
                VALUES (current_tenant(), 'DAY1', $1, $2, $3, $4, 1)
                """, LocalDate.parse(monday), line, code, new BigDecimal(amount));
    }

    private static Uni<Void> ncr(SqlConnection connection, UUID batch, String number, int version, String status,
            String code, String correctiveActionStatus) {
        return run(connection,
                """
                        INSERT INTO ncr_records (tenant_id, source, source_id, version, batch_id, content_hash, plant_id, status,
                            opened_at, defect_code, corrective_action_status)
                        VALUES (current_tenant(), 'qms', $1, $2, $3, $1, 'DAY1', $4, $5, $6, $7)
                        """,
                number, version, batch, status, OffsetDateTime.parse("2026-10-02T08:00:00-04:00"), code,
                correctiveActionStatus);
    }

    private static Uni<Void> rule(SqlConnection connection, String rule, String code, String threshold,
            boolean enabled) {
        return run(connection, """
                INSERT INTO alert_rules (tenant_id, rule_id, plant_id, defect_code, metric, time_window, threshold,
                    audience_id, enabled)
                VALUES (current_tenant(), $1, 'DAY1', $2, 'cost', 'period', $3, 'quality', $4)
                """, rule, code, new BigDecimal(threshold), enabled);
    }

    static Uni<Void> run(SqlConnection connection, String sql, Object... parameters) {
        return connection.preparedQuery(sql).execute(Tuple.from(Arrays.asList(parameters))).replaceWithVoid();
    }
}
