package io.scrapline.bench;

import static io.scrapline.bench.Sql.execute;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The tenant {@code bench} that the costing and alert benchmarks load: plants P1 to P5 in New York time, defect codes
 * D-100 to D-139 (machining), parts MFG-1000 to MFG-1399 mapped to ERP-1000 to ERP-1399 and each part's six-operation
 * cost roll per plant, effective from 2026-01-01; written with set-based SQL as the owner.
 */
final class BenchTenant {

    static final String TENANT = "bench";
    static final int PLANTS = 5;

    private BenchTenant() {
    }

    /** The reference data, with the codes and parts cross-referenced for each of {@code sources}. */
    static void seed(Connection owner, List<String> sources) throws SQLException {
        seed(owner, sources, PLANTS);
    }

    /** The same with plants P1 to P{@code plants}. */
    static void seed(Connection owner, List<String> sources, int plants) throws SQLException {
        String sourceArray = sources.stream().map(source -> "'" + source + "'")
                .collect(Collectors.joining(", ", "unnest(ARRAY[", "])"));
        execute(owner, "INSERT INTO tenants (tenant_id) VALUES ('bench')");
        execute(owner, """
                INSERT INTO plants (tenant_id, plant_id, name, currency, time_zone)
                SELECT 'bench', 'P' || p, 'Plant P' || p, 'USD', 'America/New_York' FROM generate_series(1, %d) p
                """.formatted(plants));
        execute(owner, """
                INSERT INTO defect_codes (tenant_id, code, description, category, coq_class)
                SELECT 'bench', 'D-' || c, 'Defect ' || c, 'machining', 'internal_failure'
                FROM generate_series(100, 139) c""");
        execute(owner, """
                INSERT INTO defect_code_xrefs (tenant_id, source, source_code, defect_code)
                SELECT 'bench', s, 'D-' || c, 'D-' || c FROM generate_series(100, 139) c, %s s"""
                .formatted(sourceArray));
        execute(owner, """
                INSERT INTO part_xrefs (tenant_id, source, source_part, effective_from, part)
                SELECT 'bench', s, 'MFG-' || p, DATE '2026-01-01', 'ERP-' || p
                FROM generate_series(1000, 1399) p, %s s""".formatted(sourceArray));
        execute(owner, """
                INSERT INTO standard_cost_records (tenant_id, source, plant_id, part, operation, effective_from,
                    version, batch_id, content_hash, material_cost, labor_cost, overhead_cost, currency)
                SELECT 'bench', 'bench-erp', 'P' || pl, 'ERP-' || p, lpad((10 * o)::text, 4, '0'), DATE '2026-01-01',
                    1, '00000000-0000-0000-0000-000000000001', 'h', round((p %% 17 + o) * 1.37, 2), round(o * 2.5, 2),
                    4.10, 'USD'
                FROM generate_series(1, %d) pl, generate_series(1000, 1399) p, generate_series(1, 6) o
                """.formatted(plants));
    }
}
