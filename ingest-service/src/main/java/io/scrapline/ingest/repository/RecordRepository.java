package io.scrapline.ingest.repository;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.ingest.domain.RecordType;
import io.scrapline.ingest.domain.ValidRecord;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Lands raw records with one set-based statement per batch: the batch's columns go in as arrays, and a record is
 * inserted as version 1 when new, as version n+1 when its content changed, and not at all when it is the same.
 */
@ApplicationScoped
public class RecordRepository {

    /** How many rows a batch inserted as new records and as new versions of known ones. */
    public record Landed(int inserted, int updated) {
    }

    private static final String DEFECTS = """
            WITH incoming AS (
                SELECT * FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                                     $9::text[], $10::text[]::numeric[], $11::text[], $12::text[]::timestamptz[], $13::text[],
                                     $14::text[], $15::text[], $16::text[], $17::text[], $18::boolean[],
                                     $19::text[]::numeric[])
                    AS i(source_id, content_hash, plant_id, line_id, work_center_id, part, defect_code, quantity,
                         disposition, occurred_at, shift, work_order, operation, uom, ncr, customer_return,
                         salvage_value)
            ), latest AS (
                SELECT DISTINCT ON (d.source_id) d.source_id, d.version, d.content_hash
                FROM defect_records d JOIN incoming i ON d.source = $1 AND d.source_id = i.source_id
                ORDER BY d.source_id, d.version DESC
            )
            INSERT INTO defect_records (tenant_id, source, source_id, version, batch_id, content_hash, plant_id,
                line_id, work_center_id, part, defect_code, quantity, disposition, occurred_at, shift, work_order,
                operation, uom, ncr, customer_return, salvage_value)
            SELECT current_tenant(), $1, i.source_id, coalesce(l.version, 0) + 1, $2, i.content_hash, i.plant_id,
                i.line_id, i.work_center_id, i.part, i.defect_code, i.quantity, i.disposition, i.occurred_at,
                i.shift, i.work_order, i.operation, i.uom, i.ncr, coalesce(i.customer_return, false),
                i.salvage_value
            FROM incoming i LEFT JOIN latest l ON l.source_id = i.source_id
            WHERE l.content_hash IS DISTINCT FROM i.content_hash
            RETURNING version
            """;

    private static final String STANDARD_COSTS = """
            WITH incoming AS (
                SELECT * FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]::date[], $7::text[], $8::text[]::numeric[],
                                     $9::text[]::numeric[], $10::text[]::numeric[], $11::text[], $12::text[], $13::boolean[],
                                     $14::text[]::numeric[])
                    AS i(plant_id, part, operation, effective_from, content_hash, material_cost, labor_cost,
                         overhead_cost, currency, work_center_id, milestone, planned_scrap_rate)
            ), latest AS (
                SELECT DISTINCT ON (s.plant_id, s.part, s.operation, s.effective_from)
                    s.plant_id, s.part, s.operation, s.effective_from, s.version, s.content_hash
                FROM standard_cost_records s
                JOIN incoming i USING (plant_id, part, operation, effective_from)
                ORDER BY s.plant_id, s.part, s.operation, s.effective_from, s.version DESC
            )
            INSERT INTO standard_cost_records (tenant_id, source, plant_id, part, operation, effective_from, version,
                batch_id, content_hash, material_cost, labor_cost, overhead_cost, currency, work_center_id,
                milestone, planned_scrap_rate)
            SELECT current_tenant(), $1, i.plant_id, i.part, i.operation, i.effective_from,
                coalesce(l.version, 0) + 1, $2, i.content_hash, i.material_cost, i.labor_cost, i.overhead_cost,
                i.currency, i.work_center_id, coalesce(i.milestone, false), i.planned_scrap_rate
            FROM incoming i LEFT JOIN latest l USING (plant_id, part, operation, effective_from)
            WHERE l.content_hash IS DISTINCT FROM i.content_hash
            RETURNING version
            """;

    public Uni<Landed> land(SqlConnection connection, RecordType type, String source, UUID batchId,
            List<ValidRecord> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().item(new Landed(0, 0));
        }
        Tuple parameters = Tuple.of(source, batchId);
        String sql = switch (type) {
            case DEFECTS -> {
                addColumns(parameters, records, r -> r.text("source_id"), ValidRecord::contentHash,
                        r -> r.text("plant"), r -> r.text("line"), r -> r.text("work_center"), r -> r.text("part"),
                        r -> r.text("defect_code"), r -> r.sqlText("quantity"), r -> r.text("disposition"),
                        r -> r.sqlText("occurred_at"), r -> r.text("shift"), r -> r.text("work_order"),
                        r -> r.text("operation"), r -> r.text("uom"), r -> r.text("ncr"));
                parameters.addValue(records.stream().map(r -> (Boolean) r.values().get("customer_return"))
                        .toArray(Boolean[]::new));
                addColumns(parameters, records, r -> r.sqlText("salvage_value"));
                yield DEFECTS;
            }
            case STANDARD_COSTS -> {
                addColumns(parameters, records, r -> r.text("plant"), r -> r.text("part"), r -> r.text("operation"),
                        r -> r.sqlText("effective_from"), ValidRecord::contentHash, r -> r.sqlText("material_cost"),
                        r -> r.sqlText("labor_cost"), r -> r.sqlText("overhead_cost"), r -> r.text("currency"),
                        r -> r.text("work_center"));
                parameters.addValue(records.stream().map(r -> (Boolean) r.values().get("milestone"))
                        .toArray(Boolean[]::new));
                addColumns(parameters, records, r -> r.sqlText("planned_scrap_rate"));
                yield STANDARD_COSTS;
            }
        };
        return connection.preparedQuery(sql).execute(parameters).map(rows -> {
            int inserted = 0;
            int updated = 0;
            for (Row row : rows) {
                if (row.getInteger("version") == 1) {
                    inserted++;
                } else {
                    updated++;
                }
            }
            return new Landed(inserted, updated);
        });
    }

    /** The plants among {@code plants} that the tenant has registered. */
    public Uni<Set<String>> knownPlants(SqlConnection connection, Set<String> plants) {
        return connection.preparedQuery("SELECT plant_id FROM plants WHERE plant_id = ANY($1)")
                .execute(Tuple.of(plants.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> known = new HashSet<>();
                    rows.forEach(row -> known.add(row.getString(0)));
                    return known;
                });
    }

    @SafeVarargs
    private static void addColumns(Tuple parameters, List<ValidRecord> records,
            Function<ValidRecord, String>... columns) {
        for (Function<ValidRecord, String> column : columns) {
            List<String> values = new ArrayList<>(records.size());
            records.forEach(r -> values.add(column.apply(r)));
            parameters.addValue(values.toArray(String[]::new));
        }
    }
}
