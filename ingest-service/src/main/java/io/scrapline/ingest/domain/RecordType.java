package io.scrapline.ingest.domain;

import static io.scrapline.ingest.domain.Field.choice;
import static io.scrapline.ingest.domain.Field.optional;
import static io.scrapline.ingest.domain.Field.required;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.scrapline.ingest.domain.Field.Kind;

/**
 * The record types of contract.md that a source may send: their fields, the table that keeps their versions, and the
 * key that identifies one record — {@code source_id} within its source, or the contract's natural key.
 */
public enum RecordType {

    DEFECTS("defects", "defect_records", List.of("source_id"), required("source_id", Kind.TEXT),
            required("plant", Kind.CODE), required("line", Kind.CODE), required("work_center", Kind.CODE),
            required("part", Kind.TEXT), required("defect_code", Kind.TEXT),
            required("quantity", Kind.POSITIVE_DECIMAL),
            choice("disposition", true, "scrap", "rework", "use_as_is", "return_to_vendor", "quarantine"),
            required("occurred_at", Kind.INSTANT), optional("shift", Kind.TEXT), optional("work_order", Kind.TEXT),
            optional("operation", Kind.TEXT), optional("uom", Kind.TEXT), optional("ncr", Kind.TEXT),
            optional("customer_return", Kind.BOOLEAN), optional("salvage_value", Kind.NON_NEGATIVE_DECIMAL)),

    NCRS("ncrs", "ncr_records", List.of("source_id"), required("source_id", Kind.TEXT), required("plant", Kind.CODE),
            choice("status", true, "open", "closed"), required("opened_at", Kind.INSTANT),
            choice("disposition", false, "scrap", "rework", "use_as_is", "return_to_vendor", "quarantine"),
            optional("defect_code", Kind.TEXT), optional("part", Kind.TEXT),
            optional("quantity", Kind.POSITIVE_DECIMAL), optional("work_order", Kind.TEXT),
            optional("responsible_party", Kind.TEXT), optional("corrective_action", Kind.TEXT),
            choice("corrective_action_status", false, "open", "in_progress", "closed"),
            optional("customer_return", Kind.BOOLEAN), optional("closed_at", Kind.INSTANT), optional("uom", Kind.TEXT)),

    REWORK_LABOR("rework-labor", "rework_labor_records", List.of("source_id"), required("source_id", Kind.TEXT),
            required("plant", Kind.CODE), required("work_center", Kind.CODE), required("hours", Kind.POSITIVE_DECIMAL),
            required("performed_at", Kind.INSTANT), optional("ncr", Kind.TEXT), optional("defect_source_id", Kind.TEXT),
            optional("work_order", Kind.TEXT), optional("operation", Kind.TEXT),
            optional("labor_rate", Kind.NON_NEGATIVE_DECIMAL), optional("material_cost", Kind.NON_NEGATIVE_DECIMAL)),

    STANDARD_COSTS("standard-costs", "standard_cost_records", List.of("plant", "part", "operation", "effective_from"),
            required("part", Kind.TEXT), required("plant", Kind.CODE), required("operation", Kind.TEXT),
            required("material_cost", Kind.NON_NEGATIVE_DECIMAL), required("labor_cost", Kind.NON_NEGATIVE_DECIMAL),
            required("overhead_cost", Kind.NON_NEGATIVE_DECIMAL), required("currency", Kind.CURRENCY),
            required("effective_from", Kind.DATE), optional("work_center", Kind.CODE),
            optional("milestone", Kind.BOOLEAN), optional("planned_scrap_rate", Kind.FRACTION),
            optional("uom", Kind.TEXT)),

    LABOR_RATES("labor-rates", "labor_rate_records", List.of("plant", "work_center", "effective_from"),
            required("plant", Kind.CODE), required("rate", Kind.NON_NEGATIVE_DECIMAL),
            required("currency", Kind.CURRENCY), required("effective_from", Kind.DATE),
            optional("work_center", Kind.CODE)),

    CONFIRMATIONS("confirmations", "confirmation_records", List.of("source_id"), required("source_id", Kind.TEXT),
            required("plant", Kind.CODE), required("work_order", Kind.TEXT), required("part", Kind.TEXT),
            required("operation", Kind.TEXT), required("yield_quantity", Kind.NON_NEGATIVE_DECIMAL),
            required("scrap_quantity", Kind.NON_NEGATIVE_DECIMAL), required("confirmed_at", Kind.INSTANT),
            optional("uom", Kind.TEXT)),

    WORK_ORDERS("work-orders", "work_order_records", List.of("plant", "work_order"), required("work_order", Kind.TEXT),
            required("plant", Kind.CODE), required("part", Kind.TEXT), optional("line", Kind.CODE),
            optional("status", Kind.TEXT), optional("closed_on", Kind.DATE),
            choice("costing_method", false, "standard", "actual", "estimated"),
            optional("wip_total", Kind.NON_NEGATIVE_DECIMAL),
            optional("estimated_wip_remaining", Kind.NON_NEGATIVE_DECIMAL),
            optional("scrap_cost_posted", Kind.NON_NEGATIVE_DECIMAL),
            optional("moved_to_inventory", Kind.NON_NEGATIVE_DECIMAL),
            optional("completed_quantity", Kind.NON_NEGATIVE_DECIMAL),
            optional("scrapped_quantity", Kind.NON_NEGATIVE_DECIMAL),
            optional("remaining_quantity", Kind.NON_NEGATIVE_DECIMAL),
            choice("scrap_action", false, "no_action", "write_off", "quarantine"), optional("scrap_account", Kind.TEXT),
            optional("uom", Kind.TEXT)),

    /** The ERP's postings to scrap and rework accounts; {@code source_id} is the document id. */
    GL_POSTINGS("gl-postings", "gl_posting_records", List.of("source_id"), required("source_id", Kind.TEXT),
            required("plant", Kind.CODE), required("account", Kind.TEXT), required("period", Kind.PERIOD),
            required("amount", Kind.DECIMAL), required("currency", Kind.CURRENCY), optional("work_order", Kind.TEXT),
            optional("reason_code", Kind.TEXT));

    private final String path;
    private final String table;
    private final List<String> key;
    private final List<Field> fields;
    private final Map<String, Field> byName;
    private final Map<String, Integer> indexes;

    RecordType(String path, String table, List<String> key, Field... fields) {
        this.path = path;
        this.table = table;
        this.key = key;
        this.fields = List.of(fields);
        this.byName = this.fields.stream().collect(Collectors.toUnmodifiableMap(Field::name, f -> f));
        this.indexes = this.fields.stream().collect(Collectors.toUnmodifiableMap(Field::name, this.fields::indexOf));
    }

    /** The type's name in the URL, e.g. {@code standard-costs}. */
    public String path() {
        return path;
    }

    /** The table that keeps every version of this type's records. */
    public String table() {
        return table;
    }

    /** The fields that identify one record: {@code source_id}, or the contract's natural key. */
    public List<String> key() {
        return key;
    }

    /** Whether the key is the source's own id, unique within the source only (else a natural key of the plant). */
    public boolean keyedBySource() {
        return key.equals(List.of("source_id"));
    }

    public List<Field> fields() {
        return fields;
    }

    public Optional<Field> field(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The position of field {@code name} in {@link #fields()}, or -1 if the type has no such field. */
    public int index(String name) {
        return indexes.getOrDefault(name, -1);
    }

    public static Optional<RecordType> fromPath(String path) {
        return Arrays.stream(values()).filter(t -> t.path.equals(path)).findFirst();
    }
}
