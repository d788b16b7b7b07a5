package io.scrapline.costing.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.scrapline.platform.api.AlertPrompt;
import io.scrapline.platform.api.UnmappedPrompt;

/**
 * What costing moved, per plant and booking period: the defect codes, lines, work centers and shifts of the events it
 * costed, and when the first and the last of them occurred. It prompts alert-service with one {@link AlertPrompt} per
 * plant and period, so that only the rules watching those are evaluated at once; and with one {@link UnmappedPrompt} of
 * the source parts and codes it parked events of for want of a cross-reference.
 */
public final class Touched {

    private record PlantPeriod(String plant, String period) {
    }

    private static final class Moved {
        final Set<String> codes = new LinkedHashSet<>();
        final Set<String> lines = new LinkedHashSet<>();
        final Set<String> workCenters = new LinkedHashSet<>();
        final Set<String> shifts = new LinkedHashSet<>();
        Instant from;
        Instant to;

        void add(Moved other) {
            codes.addAll(other.codes);
            lines.addAll(other.lines);
            workCenters.addAll(other.workCenters);
            shifts.addAll(other.shifts);
            occurred(other.from);
            occurred(other.to);
        }

        void occurred(Instant at) {
            if (at != null) {
                from = from == null || at.isBefore(from) ? at : from;
                to = to == null || at.isAfter(to) ? at : to;
            }
        }
    }

    private final Map<PlantPeriod, Moved> moved = new LinkedHashMap<>();
    private final Set<UnmappedPrompt.Value> unmapped = new LinkedHashSet<>();

    /** An event costed into {@code period} of its plant; a blank shift is none. */
    public void add(DefectRecord record, String period, String defectCode) {
        Moved entry = moved.computeIfAbsent(new PlantPeriod(record.plant(), period), key -> new Moved());
        entry.codes.add(defectCode);
        entry.lines.add(record.line());
        entry.workCenters.add(record.workCenter());
        if (record.shift() != null && !record.shift().isBlank()) {
            entry.shifts.add(record.shift());
        }
        entry.occurred(record.occurredAt());
    }

    /** A record parked as an exception: its source part or defect code when no cross-reference maps it. */
    public void parked(Outcome.Uncostable parked) {
        DefectRecord record = parked.record();
        if (UnmappedPrompt.UNMAPPED_PART.equals(parked.reason())) {
            unmapped.add(new UnmappedPrompt.Value(parked.reason(), record.source(), record.sourcePart()));
        } else if (UnmappedPrompt.UNMAPPED_DEFECT_CODE.equals(parked.reason())) {
            unmapped.add(new UnmappedPrompt.Value(parked.reason(), record.source(), record.sourceDefectCode()));
        }
    }

    /** Adds what {@code other} moved. */
    public void addAll(Touched other) {
        other.moved.forEach((key, entry) -> moved.computeIfAbsent(key, k -> new Moved()).add(entry));
        unmapped.addAll(other.unmapped);
    }

    public boolean isEmpty() {
        return moved.isEmpty();
    }

    /**
     * The source values parked for want of a cross-reference, in the order they were first parked; none when nothing
     * was parked so, and an empty list when there were more than a prompt names (alert-service then looks at all).
     */
    public Optional<UnmappedPrompt> unmappedPrompt() {
        if (unmapped.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new UnmappedPrompt(unmapped.size() > UnmappedPrompt.MAX_VALUES ? List.of() : List.copyOf(unmapped)));
    }

    /** One prompt per plant and period, in the order they were first moved. */
    public List<AlertPrompt> prompts() {
        return moved.entrySet().stream()
                .map(e -> new AlertPrompt(e.getKey().plant(), e.getKey().period(), List.copyOf(e.getValue().codes),
                        List.copyOf(e.getValue().lines), List.copyOf(e.getValue().workCenters),
                        List.copyOf(e.getValue().shifts), e.getValue().from, e.getValue().to))
                .toList();
    }
}
