package io.scrapline.costing.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.costing.domain.CostedEvent;
import io.scrapline.costing.domain.CostedEventDetail;
import io.scrapline.costing.domain.ExceptionEntry;
import io.scrapline.costing.service.CostedEventService;

/** What the costed-event and exception endpoints answer. */
public final class CostedEventResponses {

    private CostedEventResponses() {
    }

    /**
     * A costed event: {@code period} is the one it is booked in, {@code event_period} its own (they differ when its own
     * was closed). One event read alone comes with its {@code provenance} and {@code explanation}; a list leaves them
     * out.
     */
    @RegisterForReflection
    @Schema(name = "CostedEvent")
    public record Event(long id, String source, String sourceId, int recordVersion, String plant, String period,
            String eventPeriod, String line, String workCenter, String shift, String part, String defectCode,
            String coqClass, String disposition, String costType,
            @Schema(description = "A decimal written as a JSON string, without trailing zeros, e.g. 3 or 2.5") String quantity,
            @Schema(description = "The unit of the quantity, as the record names it; null: the part's base unit") String uom,
            BigDecimal unitValue, BigDecimal amount, String currency, OffsetDateTime occurredAt, boolean superseded,
            OffsetDateTime costedAt, Integer schemaVersion, BigDecimal recoverableAmount, BigDecimal exposureAmount,
            String ncr, String workOrder, String scrapAction, String scrapAccount, boolean reworkWithoutDefectRecord,
            @JsonInclude(JsonInclude.Include.NON_NULL) Provenance provenance,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The method, the cost roll in force, "
                    + "every input and the arithmetic, replayed from the inputs the event names; its fields depend "
                    + "on the method and the cost type") Map<String, Object> explanation) {

        static Event of(CostedEvent e) {
            return of(e, null, null);
        }

        static Event of(CostedEventService.Explained explained) {
            CostedEventDetail detail = explained.event();
            return of(detail.event(), Provenance.of(detail), explained.explanation());
        }

        private static Event of(CostedEvent e, Provenance provenance, Map<String, Object> explanation) {
            return new Event(e.id(), e.source(), e.sourceId(), e.recordVersion(), e.plant(), e.period(),
                    e.eventPeriod(), e.line(), e.workCenter(), e.shift(), e.part(), e.defectCode(), e.coqClass(),
                    e.disposition(), e.costType(), e.quantity().stripTrailingZeros().toPlainString(), e.uom(),
                    e.unitValue(), e.amount(), e.currency(), e.occurredAt(), e.superseded(), e.costedAt(),
                    e.schemaVersion(), e.recoverableAmount(), e.exposureAmount(), e.ncr(), e.workOrder(),
                    e.scrapAction(), e.scrapAccount(), e.reworkWithoutDefectRecord(), provenance, explanation);
        }
    }

    /**
     * The exact inputs an event was costed from besides its record: the schema version (null: the defaults), the NCR
     * and work order versions, the cost roll's effective date and standard-cost records, per labor record the rate used
     * (as its explanation names it), and the part's unit factor the quantity was converted with.
     */
    @RegisterForReflection
    @Schema(name = "CostedEventProvenance")
    public record Provenance(Integer schemaVersion, Long ncrRecordId, Long workOrderRecordId,
            LocalDate costRollEffectiveFrom, List<CostRollLine> costRollLines,
            @Schema(description = "Per labor record, the rate used and where it came from") List<Map<String, Object>> laborRates,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The part's factor as given "
                    + "({from, to, factor}) that the quantity was converted with into the cost roll's unit; left out "
                    + "when it was not converted") Map<String, Object> uomConversion) {

        static Provenance of(CostedEventDetail detail) {
            return new Provenance(detail.inputs().schemaVersion(), detail.inputs().ncrRecordId(),
                    detail.inputs().workOrderRecordId(), detail.costRollEffectiveFrom(),
                    detail.costRollLines() == null ? null
                            : detail.costRollLines().stream().map(CostRollLine::of).toList(),
                    detail.inputs().laborRates(),
                    detail.inputs().uomConversion() == null ? null : detail.inputs().uomConversion().stored());
        }
    }

    /** A standard-cost record version of the cost roll an event used. */
    @RegisterForReflection
    public record CostRollLine(String operation, @Schema(description = "YYYY-MM-DD") String effectiveFrom,
            long recordId, int version) {

        static CostRollLine of(CostedEventDetail.CostRollRecord line) {
            return new CostRollLine(line.operation(), line.effectiveFrom(), line.recordId(), line.version());
        }
    }

    /**
     * A record version waiting for data (status {@code open}) or costed since ({@code closed}), with the reason; for an
     * event whose part maps but whose defect code does not, {@code estimated_amount}: what it is worth at standard cost
     * (an estimate for the people who keep the cross-references, in no report; null otherwise).
     */
    @RegisterForReflection
    @Schema(name = "CostingException")
    public record CostingException(Long id, String source, String sourceId, String plant, String period,
            BigDecimal quantity, String reason, String detail, String status, OffsetDateTime createdAt,
            OffsetDateTime closedAt, BigDecimal estimatedAmount) {

        static CostingException of(ExceptionEntry e) {
            return new CostingException(e.id(), e.source(), e.sourceId(), e.plant(), e.period(), e.quantity(),
                    e.reason(), e.detail(), e.status(), e.createdAt(), e.closedAt(), e.estimatedAmount());
        }
    }
}
