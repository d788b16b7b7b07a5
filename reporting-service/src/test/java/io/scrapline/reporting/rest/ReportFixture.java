package io.scrapline.reporting.rest;

import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.TestTenants;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A plant with a month of costs, rolled up as costing would have kept them, written as the tenant:
 *
 * <pre>
 * line WC      code       type              amount
 * L1   WC-110  MACH-DIM   scrap              655.20
 * L1   WC-120  WELD-POR   scrap             1200.00
 * L2   WC-210  PAINT-RUN  rework              50.05
 * L2   WC-210  MACH-DIM   return_to_vendor    33.33
 * scrap 1888.53 + rework 50.05 = total 1938.58; September 800.00
 * weekly: WELD-POR 1200.00 in the week from 2026-10-12; MACH-DIM 655.20 in that from 2026-10-05 and 33.33 in that
 * from 2026-10-26; PAINT-RUN 50.05 in that from 2026-10-19
 * </pre>
 *
 * A description has markup and quotes in it, as a source system may send.
 */
final class ReportFixture {

    static final String REPORT = "/api/v1/reports/DAY1/2026-10";
    static final String WELD_DESCRIPTION = "Weld <porosity> & \"spatter\"";

    private ReportFixture() {
    }

    static void plantWithCosts(TenantDb db, String tenant) {
        TestTenants.createWithPlant(db, tenant, "DAY1");
        db.inTenant(tenant, connection -> connection.preparedQuery("""
                INSERT INTO defect_codes (tenant_id, code, description, category, coq_class) VALUES
                    (current_tenant(), 'MACH-DIM', 'Dimension out of tolerance', 'machining', 'internal_failure'),
                    (current_tenant(), 'WELD-POR', $1, 'welding', 'internal_failure'),
                    (current_tenant(), 'PAINT-RUN', 'Paint run', 'paint', 'internal_failure')
                """).execute(Tuple.of(WELD_DESCRIPTION)).chain(() -> connection.query("""
                INSERT INTO cost_rollups (tenant_id, plant_id, period, line_id, work_center_id, defect_code,
                    shift, cost_type, coq_class, amount, quantity, events)
                VALUES
                    (current_tenant(), 'DAY1', '2026-10', 'L1', 'WC-110', 'MACH-DIM', 'A', 'scrap',
                        'internal_failure', 655.20, 3, 1),
                    (current_tenant(), 'DAY1', '2026-10', 'L1', 'WC-120', 'WELD-POR', 'A', 'scrap',
                        'internal_failure', 1200.00, 2, 2),
                    (current_tenant(), 'DAY1', '2026-10', 'L2', 'WC-210', 'PAINT-RUN', 'A', 'rework',
                        'internal_failure', 50.05, 5, 1),
                    (current_tenant(), 'DAY1', '2026-10', 'L2', 'WC-210', 'MACH-DIM', 'A',
                        'return_to_vendor', 'external_failure', 33.33, 1, 1),
                    (current_tenant(), 'DAY1', '2026-09', 'L1', 'WC-110', 'MACH-DIM', 'A', 'scrap',
                        'internal_failure', 800.00, 4, 2)
                """).execute()).chain(() -> connection.query("""
                INSERT INTO cost_rollups_weekly (tenant_id, plant_id, week_start, line_id, defect_code, amount, events)
                VALUES
                    (current_tenant(), 'DAY1', '2026-10-12', 'L1', 'WELD-POR', 1200.00, 2),
                    (current_tenant(), 'DAY1', '2026-10-05', 'L1', 'MACH-DIM', 655.20, 1),
                    (current_tenant(), 'DAY1', '2026-10-26', 'L2', 'MACH-DIM', 33.33, 1),
                    (current_tenant(), 'DAY1', '2026-10-19', 'L2', 'PAINT-RUN', 50.05, 1)
                """).execute())).await().indefinitely();
    }
}
