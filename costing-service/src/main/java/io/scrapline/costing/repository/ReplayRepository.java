package io.scrapline.costing.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.costing.domain.CostRollLine;
import io.scrapline.costing.domain.CostedEventInputs;
import io.scrapline.costing.domain.DefectRecord;
import io.scrapline.costing.domain.LaborRecord;
import io.scrapline.costing.domain.ReferenceData;
import io.scrapline.costing.domain.Replay;
import io.scrapline.costing.domain.ReworkValuation;
import io.scrapline.platform.period.FiscalCalendar;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Loads exactly the inputs a costed event was costed from, to replay its arithmetic in its explanation. */
@ApplicationScoped
public class ReplayRepository {

    private final ReferenceRepository reference;

    public ReplayRepository(ReferenceRepository reference) {
        this.reference = reference;
    }

    /**
     * The record version {@code event} values and its plant, the mapping it got (part, defect code, cost-of-quality
     * class), the standard-cost records, NCR and work order versions it named, the labor records it values with the
     * rates they were valued at, the unit factor its quantity was converted with, and the periods closed between its
     * own period and the one it is booked in. Later versions of any of them play no part.
     */
    public Uni<Replay> replay(SqlConnection connection, CostedEventInputs event) {
        Uni<DefectRecord> recordUni = event.recordId() == null ? Uni.createFrom().nullItem()
                : connection
                        .preparedQuery("SELECT " + RecordRows.DEFECT_COLUMNS + " FROM defect_records d "
                                + "WHERE d.record_id = $1")
                        .execute(Tuple.of(event.recordId())).map(rows -> RecordRows.defectRecords(rows).get(0));
        Uni<List<LaborRecord>> laborUni = connection.preparedQuery("""
                SELECT l.* FROM rework_labor_records l
                WHERE l.record_id = $2
                   OR l.record_id IN (SELECT c.labor_record_id FROM costed_labor c WHERE c.event_id = $1)
                ORDER BY l.performed_at, l.record_id
                """).execute(Tuple.of(event.eventId(), event.laborRecordId())).map(rows -> {
            List<LaborRecord> labor = new ArrayList<>();
            rows.forEach(row -> labor.add(RecordRows.laborRecord(row)));
            return labor;
        });
        Uni<Map<String, ReferenceData.DefectCode>> codeUni = connection
                .preparedQuery("SELECT code, description FROM defect_codes WHERE code = $1")
                .execute(Tuple.of(event.defectCode())).map(rows -> {
                    Map<String, ReferenceData.DefectCode> found = new HashMap<>();
                    rows.forEach(
                            row -> found.put(row.getString("code"), new ReferenceData.DefectCode(row.getString("code"),
                                    row.getString("description"), event.coqClass())));
                    return found;
                });
        Uni<List<CostRollLine>> costRollUni = connection.preparedQuery("""
                SELECT plant_id, part, operation, effective_from, material_cost, labor_cost, overhead_cost, milestone,
                    planned_scrap_rate, record_id, version, uom
                FROM standard_cost_records WHERE record_id = ANY($1)
                ORDER BY operation
                """).execute(Tuple.of(event.costRollRecordIds().toArray(Long[]::new))).map(rows -> {
            List<CostRollLine> lines = new ArrayList<>();
            rows.forEach(row -> lines.add(RecordRows.costRollLine(row)));
            return lines;
        });
        Uni<ReferenceData.Ncr> ncrUni = connection
                .preparedQuery("SELECT record_id, source_id, disposition FROM ncr_records WHERE record_id = $1")
                .execute(Tuple.of(event.ncrRecordId()))
                .map(rows -> rows.size() == 0 ? null
                        : new ReferenceData.Ncr(rows.iterator().next().getLong("record_id"),
                                rows.iterator().next().getString("source_id"),
                                rows.iterator().next().getString("disposition")));
        Uni<ReferenceData.WorkOrder> orderUni = connection
                .preparedQuery(
                        "SELECT " + RecordRows.WORK_ORDER_COLUMNS + " FROM work_order_records o WHERE o.record_id = $1")
                .execute(Tuple.of(event.workOrderRecordId()))
                .map(rows -> rows.size() == 0 ? null : RecordRows.workOrder(rows.iterator().next()));
        String plant = event.plant();
        return Uni.combine().all().unis(recordUni, laborUni, reference.plants(connection, new String[] { plant }),
                codeUni, costRollUni, ncrUni, orderUni).asTuple().map(found -> {
                    DefectRecord record = found.getItem1();
                    List<LaborRecord> labor = found.getItem2();
                    Map<String, ReferenceData.Plant> plants = found.getItem3();
                    LaborRecord laborRecord = event.laborRecordId() == null ? null
                            : labor.stream().filter(l -> l.recordId() == event.laborRecordId()).findFirst()
                                    .orElse(null);
                    Map<String, List<ReferenceData.PartXref>> partXrefs = new HashMap<>();
                    Map<String, String> codeXrefs = new HashMap<>();
                    Map<String, ReferenceData.Ncr> ncrs = new HashMap<>();
                    Map<String, ReferenceData.WorkOrder> orders = new HashMap<>();
                    Map<Long, List<LaborRecord>> linked = new HashMap<>();
                    if (record != null) {
                        partXrefs.put(ReferenceData.key(record.source(), record.sourcePart()),
                                List.of(new ReferenceData.PartXref(LocalDate.MIN, event.part())));
                        codeXrefs.put(ReferenceData.key(record.source(), record.sourceDefectCode()),
                                event.defectCode());
                        if (found.getItem6() != null) {
                            ncrs.put(ReferenceData.key(plant, record.ncr()), found.getItem6());
                        }
                        if (found.getItem7() != null) {
                            orders.put(ReferenceData.key(plant, record.workOrder()), found.getItem7());
                        }
                        linked.put(record.recordId(), labor);
                    }
                    ReferenceData reference = new ReferenceData(plants, partXrefs, codeXrefs, found.getItem4(),
                            Map.of(ReferenceData.key(plant, event.part()), found.getItem5()), ncrs, orders, linked,
                            ratesUsed(event, labor), Map.of(ReferenceData.key(plant, event.workCenter()), event.line()),
                            Map.of(plant,
                                    closedBetween(plants.get(plant).calendar(), event.eventPeriod(), event.period())),
                            event.uomConversion() == null ? Map.of()
                                    : Map.of(event.part(), List.of(event.uomConversion())));
                    return new Replay(record, laborRecord, reference);
                });
    }

    /** The labor rates the event's hours were valued at, under the work center or plant default they came from. */
    private static Map<String, List<ReworkValuation.Rate>> ratesUsed(CostedEventInputs event, List<LaborRecord> labor) {
        Map<String, List<ReworkValuation.Rate>> rates = new HashMap<>();
        for (Map<String, Object> used : event.laborRates() == null ? List.<Map<String, Object>> of()
                : event.laborRates()) {
            Object effectiveFrom = used.get("rate_effective_from");
            if (effectiveFrom == null) {
                continue;
            }
            String workCenter = "plant_default".equals(used.get("rate_source")) ? ""
                    : labor.stream()
                            .filter(l -> String.valueOf(l.recordId())
                                    .equals(String.valueOf(used.get("labor_record_id"))))
                            .map(LaborRecord::workCenter).findFirst().orElse(event.workCenter());
            Object recordId = used.get("rate_record_id");
            rates.computeIfAbsent(ReferenceData.key(event.plant(), workCenter), k -> new ArrayList<>())
                    .add(new ReworkValuation.Rate(LocalDate.parse(effectiveFrom.toString()),
                            new BigDecimal(used.get("rate").toString()),
                            recordId == null ? null : Long.valueOf(recordId.toString())));
        }
        return rates;
    }

    /** The periods from {@code own} up to, not including, {@code booked}: those that were closed when it was costed. */
    private static Set<String> closedBetween(FiscalCalendar calendar, String own, String booked) {
        Set<String> closed = new HashSet<>();
        for (String period = own; !period.equals(booked)
                && closed.size() < 120; period = calendar.period(calendar.range(period).last().plusDays(1))) {
            closed.add(period);
        }
        return closed;
    }
}
