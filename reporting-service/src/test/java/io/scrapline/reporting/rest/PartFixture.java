package io.scrapline.reporting.rest;

import java.util.List;

import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.TestTenants;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Plant DAY1 (USD) with costed events of October 2026 on three parts, written as defect records and their costed
 * events, and the rollups and part rollups costing would have kept of them (summed from the current events):
 *
 * <pre>
 * event line WC      part        code      category      type    qty amount
 * E1    L1   WC-110  100-4471-A  MACH-DIM  machining     scrap   3   655.20
 * E2    L1   WC-110  100-4471-A  MACH-DIM  machining     scrap   1   218.40
 * E3    L1   WC-110  200-5000-B  RM-CRACK  raw material  scrap   4   260.00
 * E4    L1   WC-120  100-4471-A  ASSY-MIS  assembly      scrap   2   120.00
 * E5    L2   WC-210  300-7000-C  ASSY-MIS  assembly      rework  1    50.05
 * E6    L2   WC-210  200-5000-B  RM-CRACK  raw material  scrap   1    65.00
 * E7    L1   WC-110  100-4471-A  MACH-DIM  (superseded by E1's correction: counts nowhere)  999.99
 * scrap 1318.60 + rework 50.05 = total 1368.65
 * </pre>
 */
final class PartFixture {

    static final String REPORT = "/api/v1/reports/DAY1/2026-10";

    /** id, line, work center, part, defect code, cost type, quantity, amount, superseded. */
    private static final List<List<String>> EVENTS = List.of(
            List.of("E1", "L1", "WC-110", "100-4471-A", "MACH-DIM", "scrap", "3", "655.20", "false"),
            List.of("E2", "L1", "WC-110", "100-4471-A", "MACH-DIM", "scrap", "1", "218.40", "false"),
            List.of("E3", "L1", "WC-110", "200-5000-B", "RM-CRACK", "scrap", "4", "260.00", "false"),
            List.of("E4", "L1", "WC-120", "100-4471-A", "ASSY-MIS", "scrap", "2", "120.00", "false"),
            List.of("E5", "L2", "WC-210", "300-7000-C", "ASSY-MIS", "rework", "1", "50.05", "false"),
            List.of("E6", "L2", "WC-210", "200-5000-B", "RM-CRACK", "scrap", "1", "65.00", "false"),
            List.of("E7", "L1", "WC-110", "100-4471-A", "MACH-DIM", "scrap", "5", "999.99", "true"));

    private PartFixture() {
    }

    static void plant(TenantDb db, String tenant) {
        TestTenants.createWithPlant(db, tenant, "DAY1");
        db.inTenant(tenant, connection -> connection.query("""
                INSERT INTO defect_codes (tenant_id, code, description, category, coq_class) VALUES
                    (current_tenant(), 'MACH-DIM', 'Dimension out of tolerance', 'machining', 'internal_failure'),
                    (current_tenant(), 'RM-CRACK', 'Cracked bar stock', 'raw material', 'internal_failure'),
                    (current_tenant(), 'ASSY-MIS', 'Missing fastener', 'assembly', 'internal_failure')
                """).execute().chain(() -> insert(connection, EVENTS)).chain(() -> connection.query(ROLLUPS).execute())
                .chain(() -> connection.query(PART_ROLLUPS).execute())).await().indefinitely();
    }

    /**
     * One more current event costed in October, as costing would write it after a correction (its rollups are not kept:
     * a parallel run reads the events).
     */
    static void addEvent(TenantDb db, String tenant, String id, String line, String workCenter, String part,
            String code, String costType, String quantity, String amount) {
        db.inTenant(tenant,
                connection -> insert(connection,
                        List.of(List.of(id, line, workCenter, part, code, costType, quantity, amount, "false"))))
                .await().indefinitely();
    }

    private static final String ROLLUPS = """
            INSERT INTO cost_rollups (tenant_id, plant_id, period, line_id, work_center_id, defect_code, shift,
                cost_type, coq_class, amount, quantity, events)
            SELECT tenant_id, plant_id, period, line_id, work_center_id, defect_code, shift, cost_type, coq_class,
                sum(amount), sum(quantity), count(*)
            FROM costed_events WHERE NOT superseded GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
            """;

    private static final String PART_ROLLUPS = """
            INSERT INTO cost_rollups_by_part (tenant_id, plant_id, period, line_id, work_center_id, part, cost_type,
                amount, quantity, events)
            SELECT tenant_id, plant_id, period, line_id, work_center_id, part, cost_type, sum(amount), sum(quantity),
                count(*)
            FROM costed_events WHERE NOT superseded GROUP BY 1, 2, 3, 4, 5, 6, 7
            """;

    /** Each event as a defect record of plex-mes and its costed event, costed on 14 October. */
    private static Uni<Void> insert(SqlConnection connection, List<List<String>> events) {
        Tuple columns = Tuple.tuple();
        for (int column = 0; column < 9; column++) {
            int c = column;
            columns.addValue(events.stream().map(event -> event.get(c)).toArray(String[]::new));
        }
        return connection.preparedQuery("""
                WITH e AS (
                    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                        $7::text[]::numeric[], $8::text[]::numeric[], $9::text[]::boolean[])
                        AS u(id, line, wc, part, code, cost_type, qty, amount, superseded)),
                records AS (
                    INSERT INTO defect_records (tenant_id, source, source_id, version, batch_id, content_hash,
                        plant_id, line_id, work_center_id, part, defect_code, quantity, disposition, occurred_at)
                    SELECT current_tenant(), 'plex-mes', e.id, 1, gen_random_uuid(), e.id, 'DAY1', e.line, e.wc,
                        e.part, e.code, e.qty, e.cost_type, TIMESTAMPTZ '2026-10-14 09:30:00-04:00' FROM e
                    RETURNING record_id, source_id)
                INSERT INTO costed_events (tenant_id, record_id, source, source_id, record_version, plant_id, period,
                    line_id, work_center_id, part, defect_code, coq_class, disposition, cost_type, quantity,
                    unit_value, amount, currency, occurred_at, superseded)
                SELECT current_tenant(), r.record_id, 'plex-mes', e.id, 1, 'DAY1', '2026-10', e.line, e.wc, e.part,
                    e.code, 'internal_failure', e.cost_type, e.cost_type, e.qty, round(e.amount / e.qty, 6),
                    e.amount, 'USD', TIMESTAMPTZ '2026-10-14 09:30:00-04:00', e.superseded
                FROM e JOIN records r ON r.source_id = e.id
                """).execute(columns).replaceWithVoid();
    }
}
