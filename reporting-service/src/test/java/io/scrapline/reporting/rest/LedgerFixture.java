package io.scrapline.reporting.rest;

import java.math.BigDecimal;
import java.util.UUID;

import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.TestTenants;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Plant DAY1 (USD) with costed events, ledger postings and confirmations as costing and ingest would have stored them,
 * written as the tenant. Reason codes MACH-DIM (scrap) and PAINT-RUN (rework) get their accounts through the API in the
 * tests; every other event is on its work order's scrap account 5400-SCRAP.
 *
 * <pre>
 * 2026-09, matches:   WO-1 MACH-DIM scrap 655.20 on 5410-SCRAP-MACH, posted JE-1 655.20
 *                     WO-2 PAINT-RUN rework 50.05 on 5500-REWORK, posted JE-2 50.05
 * 2026-10:            WO-10 WELD-POR scrap 700.00 + 500.00 (and a superseded 999.00), posted JE-10 1200.00 (version 2;
 *                       version 1 said 1100.00): matches
 *                     WO-11 WELD-POR scrap 310.45, no posting: costed not posted
 *                     WO-12 no event, posted JE-12 99.99: posted not costed
 *                     WO-13 MACH-DIM scrap 400.00, posted JE-13 400.00 and JE-14 -20.00: amount differs by -20.00
 *                     JE-15 5400-SCRAP WO-10 15.00 in EUR: another currency
 *   5400-SCRAP       costed 1510.45, posted 1299.99, difference -210.46
 *   5410-SCRAP-MACH  costed  400.00, posted  380.00, difference  -20.00
 *   total            costed 1910.45, posted 1679.99, difference -230.46
 * 2026-11, MES scrap against the ERP's confirmations, by work order and operation:
 *   WO-20 0010  MES 3 + 2, ERP 5: matched
 *   WO-21 0010  MES 4, ERP none; WO-21 0020 MES none, ERP 4: split work order (both)
 *   WO-22 0010  MES 6, ERP 4: partial completion
 *   WO-23 0010  MES 2 EA, ERP 2 KG: unit differs
 * </pre>
 */
final class LedgerFixture {

    static final String LEDGER = "/api/v1/reconciliations/DAY1/2026-10/ledger";

    private LedgerFixture() {
    }

    static void plantWithLedger(TenantDb db, String tenant) {
        TestTenants.createWithPlant(db, tenant, "DAY1");
        UUID batch = UUID.randomUUID();
        event(db, tenant, batch, "E-1", "2026-09", "WO-1", "MACH-DIM", "scrap", "655.20", false, null, null, "1");
        event(db, tenant, batch, "E-2", "2026-09", "WO-2", "PAINT-RUN", "rework", "50.05", false, null, null, "1");
        event(db, tenant, batch, "E-10", "2026-10", "WO-10", "WELD-POR", "scrap", "700.00", false, null, null, "1");
        event(db, tenant, batch, "E-11", "2026-10", "WO-10", "WELD-POR", "scrap", "500.00", false, null, null, "1");
        event(db, tenant, batch, "E-12", "2026-10", "WO-10", "WELD-POR", "scrap", "999.00", true, null, null, "1");
        event(db, tenant, batch, "E-13", "2026-10", "WO-11", "WELD-POR", "scrap", "310.45", false, null, null, "1");
        event(db, tenant, batch, "E-14", "2026-10", "WO-13", "MACH-DIM", "scrap", "400.00", false, null, null, "1");
        posting(db, tenant, batch, "JE-1", 1, "2026-09", "5410-SCRAP-MACH", "WO-1", "655.20", "USD");
        posting(db, tenant, batch, "JE-2", 1, "2026-09", "5500-REWORK", "WO-2", "50.05", "USD");
        posting(db, tenant, batch, "JE-10", 1, "2026-10", "5400-SCRAP", "WO-10", "1100.00", "USD");
        posting(db, tenant, batch, "JE-10", 2, "2026-10", "5400-SCRAP", "WO-10", "1200.00", "USD");
        posting(db, tenant, batch, "JE-12", 1, "2026-10", "5400-SCRAP", "WO-12", "99.99", "USD");
        posting(db, tenant, batch, "JE-13", 1, "2026-10", "5410-SCRAP-MACH", "WO-13", "400.00", "USD");
        posting(db, tenant, batch, "JE-14", 1, "2026-10", "5410-SCRAP-MACH", "WO-13", "-20.00", "USD");
        posting(db, tenant, batch, "JE-15", 1, "2026-10", "5400-SCRAP", "WO-10", "15.00", "EUR");

        event(db, tenant, batch, "Q-1", "2026-11", "WO-20", "MACH-DIM", "scrap", "30.00", false, "0010", null, "3");
        event(db, tenant, batch, "Q-2", "2026-11", "WO-20", "MACH-DIM", "scrap", "20.00", false, "0010", null, "2");
        event(db, tenant, batch, "Q-3", "2026-11", "WO-21", "MACH-DIM", "scrap", "40.00", false, "0010", null, "4");
        event(db, tenant, batch, "Q-4", "2026-11", "WO-22", "MACH-DIM", "scrap", "60.00", false, "0010", null, "6");
        event(db, tenant, batch, "Q-5", "2026-11", "WO-23", "MACH-DIM", "scrap", "20.00", false, "0010", "EA", "2");
        confirmation(db, tenant, batch, "C-1", "WO-20", "0010", "5", null);
        confirmation(db, tenant, batch, "C-2", "WO-21", "0020", "4", null);
        confirmation(db, tenant, batch, "C-3", "WO-22", "0010", "4", null);
        confirmation(db, tenant, batch, "C-4", "WO-23", "0010", "2", "KG");
    }

    /** A costed event of part PN-1 and its defect record; the work order's scrap account is 5400-SCRAP. */
    private static void event(TenantDb db, String tenant, UUID batch, String id, String period, String workOrder,
            String code, String costType, String amount, boolean superseded, String operation, String uom,
            String quantity) {
        db.inTenant(tenant, connection -> connection.preparedQuery("""
                WITH record AS (
                    INSERT INTO defect_records (tenant_id, source, source_id, version, batch_id, content_hash,
                        plant_id, line_id, work_center_id, part, defect_code, quantity, disposition, occurred_at,
                        work_order, operation, uom)
                    VALUES (current_tenant(), 'mes', $1, 1, $2, $1, 'DAY1', 'L1',
                        'WC-110', 'MFG-1', $4, $8::numeric, $5, '2026-10-14T09:30:00Z', $3, $9, $10)
                    RETURNING record_id, version)
                INSERT INTO costed_events (tenant_id, record_id, source, source_id, record_version, plant_id, period,
                    line_id, work_center_id, part, defect_code, coq_class, disposition, cost_type, quantity,
                    unit_value, amount, currency, occurred_at, superseded, work_order, scrap_action, scrap_account)
                SELECT current_tenant(), record_id, 'mes', $1, version, 'DAY1', $11, 'L1', 'WC-110', 'PN-1', $4,
                    'internal_failure', $5, $5, $8::numeric, $7::numeric / $8::numeric, $7::numeric, 'USD',
                    '2026-10-14T09:30:00Z', $6, $3, 'write_off', '5400-SCRAP'
                FROM record
                """)
                .execute(Tuple.tuple().addValue(id).addValue(batch).addValue(workOrder).addValue(code)
                        .addValue(costType).addValue(superseded).addValue(new BigDecimal(amount))
                        .addValue(new BigDecimal(quantity)).addValue(operation).addValue(uom).addValue(period)))
                .await().indefinitely();
    }

    private static void posting(TenantDb db, String tenant, UUID batch, String document, int version, String period,
            String account, String workOrder, String amount, String currency) {
        db.inTenant(tenant,
                connection -> connection.preparedQuery("""
                        INSERT INTO gl_posting_records (tenant_id, source, source_id, version, batch_id, content_hash,
                            plant_id, account, period, amount, currency, work_order)
                        VALUES (current_tenant(), 'sap-erp', $1, $2, $3, $9, 'DAY1', $4, $5, $6::numeric, $7, $8)
                        """)
                        .execute(Tuple.tuple().addValue(document).addValue(version).addValue(batch).addValue(account)
                                .addValue(period).addValue(new BigDecimal(amount)).addValue(currency)
                                .addValue(workOrder).addValue(document + "-v" + version)))
                .await().indefinitely();
    }

    /** A confirmation of part PN-1 in November, as costing saw it (not valued: no cost roll). */
    private static void confirmation(TenantDb db, String tenant, UUID batch, String id, String workOrder,
            String operation, String scrap, String uom) {
        db.inTenant(tenant, connection -> connection.preparedQuery("""
                WITH record AS (
                    INSERT INTO confirmation_records (tenant_id, source, source_id, version, batch_id, content_hash,
                        plant_id, work_order, part, operation, yield_quantity, scrap_quantity, confirmed_at, uom)
                    VALUES (current_tenant(), 'sap-erp', $1, 1, $2, $1, 'DAY1', $3, 'PN-1', $4, 100, $5::numeric,
                        '2026-11-10T16:00:00Z', $6)
                    RETURNING record_id)
                INSERT INTO costed_confirmations (tenant_id, record_id, source, source_id, record_version, plant_id,
                    period, part, operation, reason, detail)
                SELECT current_tenant(), record_id, 'sap-erp', $1, 1, 'DAY1', '2026-11', 'PN-1', $4, 'no_cost_roll',
                    'no cost roll in force'
                FROM record
                """).execute(Tuple.tuple().addValue(id).addValue(batch).addValue(workOrder).addValue(operation)
                .addValue(new BigDecimal(scrap)).addValue(uom))).await().indefinitely();
    }
}
