package io.scrapline.costing.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The parts of a costed event's explanation that {@link EventCosting} writes the same way for every kind of record. */
final class CostingExplanations {

    private CostingExplanations() {
    }

    static Map<String, Object> periodExplained(LocalDate date, ReferenceData.Plant plant, String period,
            String booked) {
        Map<String, Object> explained = new LinkedHashMap<>();
        explained.put("event_date", date.toString());
        explained.put("time_zone", plant.zone().getId());
        explained.put("fiscal_calendar", plant.calendar().setting());
        explained.put("period", period);
        if (!booked.equals(period)) {
            explained.put("booked_in", booked);
            explained.put("reason", "period " + period + " is closed: booked in the first open period after it");
        }
        return explained;
    }

    static Map<String, Object> dispositionExplained(DefectRecord record, Optional<ReferenceData.Ncr> ncr,
            String applied) {
        Map<String, Object> explained = new LinkedHashMap<>();
        explained.put("event", record.disposition());
        ncr.ifPresent(n -> {
            explained.put("ncr", n.sourceId());
            explained.put("ncr_record_id", n.recordId());
            explained.put("ncr_disposition", n.disposition() == null ? "none yet" : n.disposition());
        });
        explained.put("applied", applied);
        return explained;
    }

    static Map<String, Object> costRollLine(CostRollLine line) {
        Map<String, Object> explained = new LinkedHashMap<>();
        explained.put("operation", line.operation());
        explained.put("effective_from", line.effectiveFrom().toString());
        if (line.recordId() != null) {
            explained.put("record_id", line.recordId());
            explained.put("version", line.version());
        }
        return explained;
    }

    static Map<String, Object> laborRate(LaborRecord record, Map<String, Object> line) {
        Map<String, Object> rate = new LinkedHashMap<>();
        rate.put("labor_record_id", record.recordId());
        rate.put("hours", line.get("hours"));
        rate.put("rate", line.get("rate"));
        rate.put("rate_source", line.get("rate_source"));
        if (line.containsKey("rate_record_id")) {
            rate.put("rate_record_id", line.get("rate_record_id"));
        }
        if (line.containsKey("rate_effective_from")) {
            rate.put("rate_effective_from", line.get("rate_effective_from"));
        }
        return rate;
    }

    static String label(DefectRecord record) {
        return record.source() + " " + record.sourceId() + " v" + record.version();
    }

    static String label(LaborRecord record) {
        return record.source() + " " + record.sourceId() + " v" + record.version();
    }

    static String matchKey(LaborRecord record) {
        if (record.defectSourceId() != null) {
            return "defect source id " + record.defectSourceId();
        }
        if (record.ncr() != null) {
            return "NCR " + record.ncr();
        }
        if (record.workOrder() != null && record.operation() != null) {
            return "work order " + record.workOrder() + " and operation " + record.operation();
        }
        return "(it names no defect, NCR or work order and operation)";
    }
}
