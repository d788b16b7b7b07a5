package io.scrapline.reporting.repository;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.reporting.domain.LedgerAccount;
import io.scrapline.reporting.domain.LedgerReconciliation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What a ledger reconciliation reads: the current costed events of a plant-period by account and work order, the latest
 * version of each ledger posting, and the accounts of reason codes (reporting's own reference data).
 */
@ApplicationScoped
public class LedgerRepository {

    /**
     * The current events' amounts by account, work order and cost type (rework, else scrap). The account is the one the
     * tenant set for the event's reason code and cost type, else the work order's scrap account the event carries.
     */
    public Uni<List<LedgerReconciliation.Costed>> costed(SqlConnection connection, String plant, String period) {
        return connection.preparedQuery("""
                SELECT coalesce(a.account, e.scrap_account) AS account, e.work_order, c.cost_type,
                    sum(e.amount) AS amount, count(*) AS events
                FROM costed_events e
                CROSS JOIN LATERAL (SELECT CASE WHEN e.cost_type = 'rework' THEN 'rework' ELSE 'scrap' END
                                        AS cost_type) c
                LEFT JOIN ledger_accounts a ON a.tenant_id = e.tenant_id AND a.reason_code = e.defect_code
                     AND a.cost_type = c.cost_type
                WHERE e.plant_id = $1 AND e.period = $2 AND NOT e.superseded AND e.amount <> 0
                GROUP BY 1, 2, 3
                """).execute(Tuple.of(plant, period)).map(rows -> {
            List<LedgerReconciliation.Costed> found = new ArrayList<>();
            for (Row row : rows) {
                found.add(new LedgerReconciliation.Costed(row.getString("account"), row.getString("work_order"),
                        row.getString("cost_type"), row.getBigDecimal("amount"), row.getLong("events")));
            }
            return found;
        });
    }

    /** The latest version of each posting of a plant-period, summed by account, work order and currency. */
    public Uni<List<LedgerReconciliation.Posted>> posted(SqlConnection connection, String plant, String period) {
        return connection.preparedQuery("""
                SELECT g.account, g.work_order, g.currency::text AS currency, sum(g.amount) AS amount,
                    array_agg(g.source_id ORDER BY g.source_id) AS documents
                FROM gl_posting_records g
                WHERE g.plant_id = $1 AND g.period = $2
                  AND NOT EXISTS (SELECT 1 FROM gl_posting_records n WHERE n.tenant_id = g.tenant_id
                                  AND n.source = g.source AND n.source_id = g.source_id AND n.version > g.version)
                GROUP BY g.account, g.work_order, g.currency
                """).execute(Tuple.of(plant, period)).map(rows -> {
            List<LedgerReconciliation.Posted> found = new ArrayList<>();
            for (Row row : rows) {
                found.add(new LedgerReconciliation.Posted(row.getString("account"), row.getString("work_order"),
                        row.getString("currency"), row.getBigDecimal("amount"),
                        List.of(row.getArrayOfStrings("documents"))));
            }
            return found;
        });
    }

    /** Sets the accounts of reason codes, replacing those set before for the same code and cost type. */
    public Uni<Void> putAccounts(SqlConnection connection, List<LedgerAccount> accounts) {
        return connection.preparedQuery("""
                INSERT INTO ledger_accounts (tenant_id, reason_code, cost_type, account)
                SELECT current_tenant(), u.* FROM unnest($1::text[], $2::text[], $3::text[]) AS u
                ON CONFLICT (tenant_id, reason_code, cost_type) DO UPDATE SET account = excluded.account,
                    updated_at = now()
                """)
                .execute(Tuple.of(accounts.stream().map(LedgerAccount::reasonCode).toArray(String[]::new),
                        accounts.stream().map(LedgerAccount::costType).toArray(String[]::new),
                        accounts.stream().map(LedgerAccount::account).toArray(String[]::new)))
                .replaceWithVoid();
    }

    public Uni<List<LedgerAccount>> accounts(SqlConnection connection) {
        return connection
                .preparedQuery(
                        "SELECT reason_code, cost_type, account FROM ledger_accounts ORDER BY reason_code, cost_type")
                .execute().map(rows -> {
                    List<LedgerAccount> found = new ArrayList<>();
                    for (Row row : rows) {
                        found.add(new LedgerAccount(row.getString("reason_code"), row.getString("cost_type"),
                                row.getString("account")));
                    }
                    return found;
                });
    }
}
