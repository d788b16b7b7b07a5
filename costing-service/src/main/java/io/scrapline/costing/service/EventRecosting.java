package io.scrapline.costing.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.costing.domain.CostSchema;
import io.scrapline.costing.domain.CurrentEvent;
import io.scrapline.costing.domain.DefectRecord;
import io.scrapline.costing.domain.EventCosting;
import io.scrapline.costing.domain.Outcome;
import io.scrapline.costing.domain.ReferenceData;
import io.scrapline.costing.domain.RollupDelta;
import io.scrapline.costing.repository.CostedEventWriteRepository;
import io.scrapline.costing.repository.PendingRecordRepository;
import io.scrapline.costing.repository.RollupRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** Re-costs the current events of a claimed re-costing part, for {@link RecostingService}. */
@ApplicationScoped
public class EventRecosting {

    private final PendingRecordRepository records;
    private final CostedEventWriteRepository events;
    private final RollupRepository rollups;
    private final DefectAndReworkCosting defects;

    public EventRecosting(PendingRecordRepository records, CostedEventWriteRepository events, RollupRepository rollups,
            DefectAndReworkCosting defects) {
        this.records = records;
        this.events = events;
        this.rollups = rollups;
        this.defects = defects;
    }

    /**
     * Re-costs the current events of a re-costing part of job {@code jobId} in the connection's transaction, which
     * holds the part's claim and the tenant's costing lock shared: each event's record is valued again with the data
     * and the schema in force now. An event whose figures and inputs come out the same is left as it is; one whose
     * figures change is revised in place (what it had is kept as a revision, the rollups move by the difference); one
     * that cannot be costed any more, now values other rework hours, or sits in a period closed since, is superseded
     * and costed anew, as a corrected record is. Returns how many events it re-costed.
     */
    public Uni<Integer> recost(SqlConnection connection, List<CurrentEvent> current, long jobId) {
        if (current.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return records.defectRecords(connection, current.stream().map(CurrentEvent::recordId).toList())
                .chain(found -> defects.inputs(connection, found)
                        .chain(inputs -> recost(connection, current, found, inputs, jobId)));
    }

    private Uni<Integer> recost(SqlConnection connection, List<CurrentEvent> current, List<DefectRecord> found,
            DefectAndReworkCosting.Inputs inputs, long jobId) {
        CostSchema schema = inputs.schema();
        ReferenceData data = inputs.reference();
        EventCosting costing = new EventCosting(schema, false);
        Map<Long, DefectRecord> byId = new HashMap<>();
        found.forEach(r -> byId.put(r.recordId(), r));
        Map<List<Map<String, Object>>, List<Long>> costRolls = new IdentityHashMap<>();
        List<CurrentEvent> changed = new ArrayList<>();
        List<Outcome.Costed> revised = new ArrayList<>();
        List<Long> anewIds = new ArrayList<>();
        List<DefectRecord> anew = new ArrayList<>();
        RollupDelta superseded = new RollupDelta();
        return OnWorker.value(() -> {
            for (CurrentEvent event : current) {
                DefectRecord record = byId.get(event.recordId());
                Outcome outcome = costing.cost(record, data);
                String period = event.key().period();
                if (outcome instanceof Outcome.Costed c && data.bookingPeriod(record.plant(), period).equals(period)
                        && c.provenance().laborRecordIds().equals(event.laborRecordIds())) {
                    if (!unchanged(event, c, schema.version(), costRolls)) {
                        changed.add(event);
                        revised.add(c);
                    }
                } else {
                    anewIds.add(event.eventId());
                    anew.add(record);
                }
            }
        }).chain(() -> events.revise(connection, changed.stream().map(CurrentEvent::eventId).toList(), revised,
                schema.version(), jobId)).chain(done -> {
                    // An event superseded since the part read it (a newer record version, an NCR) is not revised;
                    // its new event is costed with the data in force now.
                    RollupDelta delta = new RollupDelta();
                    for (int i = 0; i < changed.size(); i++) {
                        CurrentEvent event = changed.get(i);
                        Outcome.Costed c = revised.get(i);
                        if (done.contains(event.eventId())) {
                            LocalDate week = data.week(c.record().plant(), c.record().occurredAt());
                            delta.add(event.key(), event.part(), week, event.amount().negate(),
                                    event.recoverable().negate(), event.exposure().negate(), event.quantity().negate(),
                                    -1);
                            delta.add(c.rollupKey(), c.part(), week, c.amount(), c.recoverable(), c.exposure(),
                                    c.record().quantity(), 1);
                        }
                    }
                    return rollups.apply(connection, delta);
                }).chain(() -> events.supersede(connection, anewIds, superseded))
                .chain(() -> anew.isEmpty() ? Uni.createFrom().voidItem()
                        : defects.cost(connection, anew, superseded).replaceWithVoid())
                .replaceWith(current.size());
    }

    /** Whether re-costing {@code event} gave exactly what it has: the same figures, mapping, period and inputs. */
    private static boolean unchanged(CurrentEvent event, Outcome.Costed recost, Integer schemaVersion,
            Map<List<Map<String, Object>>, List<Long>> costRolls) {
        List<Long> costRoll = recost.provenance().costRollLines() == null ? List.of()
                : costRolls.computeIfAbsent(recost.provenance().costRollLines(),
                        lines -> lines.stream().map(line -> ((Number) line.get("record_id")).longValue()).toList());
        return event.amount().compareTo(recost.amount()) == 0
                && event.recoverable().compareTo(recost.recoverable()) == 0
                && event.exposure().compareTo(recost.exposure()) == 0
                && event.unitValue().compareTo(recost.unitValue()) == 0 && event.key().equals(recost.rollupKey())
                && event.part().equals(recost.part()) && event.eventPeriod().equals(recost.eventPeriod())
                && Objects.equals(event.schemaVersion(), schemaVersion)
                && Objects.equals(event.ncrRecordId(), recost.provenance().ncrRecordId())
                && Objects.equals(event.workOrderRecordId(), recost.provenance().workOrderRecordId())
                && event.costRollRecordIds().equals(costRoll);
    }
}
