package io.scrapline.costing.domain;

import java.time.LocalDate;

/** The reference data a tenant writes: a plant, the cross-references of a source, its defect-code catalog. */
public final class ReferenceInputs {

    private ReferenceInputs() {
    }

    /** A plant; {@code fiscalCalendar} null means the calendar months. */
    public record Plant(String name, String currency, String timeZone, String fiscalCalendar) {
    }

    /** A source's part number, mapped to the tenant's part from {@code effectiveFrom} on. */
    public record PartXref(String sourcePart, String part, LocalDate effectiveFrom) {
    }

    /** A source's defect code, mapped to the tenant's. */
    public record DefectCodeXref(String sourceCode, String defectCode) {
    }

    /** One entry of the tenant's defect-code catalog. */
    public record DefectCode(String code, String description, String category, String coqClass) {
    }
}
