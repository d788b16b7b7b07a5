package io.scrapline.ingest.domain;

import static io.scrapline.ingest.domain.Field.choice;
import static io.scrapline.ingest.domain.Field.optional;
import static io.scrapline.ingest.domain.Field.required;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.scrapline.ingest.domain.Field.Kind;

/** The record types of contract.md that a source may send, with their fields and the key that identifies one. */
public enum RecordType {

    DEFECTS("defects", List.of("source_id"),
            required("source_id", Kind.TEXT),
            required("plant", Kind.TEXT),
            required("line", Kind.TEXT),
            required("work_center", Kind.TEXT),
            required("part", Kind.TEXT),
            required("defect_code", Kind.TEXT),
            required("quantity", Kind.POSITIVE_DECIMAL),
            choice("disposition", true, "scrap", "rework", "use_as_is", "return_to_vendor", "quarantine"),
            required("occurred_at", Kind.INSTANT),
            optional("shift", Kind.TEXT),
            optional("work_order", Kind.TEXT),
            optional("operation", Kind.TEXT),
            optional("uom", Kind.TEXT),
            optional("ncr", Kind.TEXT),
            optional("customer_return", Kind.BOOLEAN),
            optional("salvage_value", Kind.NON_NEGATIVE_DECIMAL)),

    STANDARD_COSTS("standard-costs", List.of("plant", "part", "operation", "effective_from"),
            required("part", Kind.TEXT),
            required("plant", Kind.TEXT),
            required("operation", Kind.TEXT),
            required("material_cost", Kind.NON_NEGATIVE_DECIMAL),
            required("labor_cost", Kind.NON_NEGATIVE_DECIMAL),
            required("overhead_cost", Kind.NON_NEGATIVE_DECIMAL),
            required("currency", Kind.CURRENCY),
            required("effective_from", Kind.DATE),
            optional("work_center", Kind.TEXT),
            optional("milestone", Kind.BOOLEAN),
            optional("planned_scrap_rate", Kind.FRACTION));

    private final String path;
    private final List<String> key;
    private final List<Field> fields;

    RecordType(String path, List<String> key, Field... fields) {
        this.path = path;
        this.key = key;
        this.fields = List.of(fields);
    }

    /** The type's name in the URL, e.g. {@code standard-costs}. */
    public String path() {
        return path;
    }

    /** The fields that identify one record: {@code source_id}, or the contract's natural key. */
    public List<String> key() {
        return key;
    }

    public List<Field> fields() {
        return fields;
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public static Optional<RecordType> fromPath(String path) {
        return Arrays.stream(values()).filter(t -> t.path.equals(path)).findFirst();
    }
}
