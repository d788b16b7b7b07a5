package io.scrapline.platform.api;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * costing-service to alert-service: costing committed events of this plant, booked in this period, of these defect
 * codes, lines, work centers and shifts, which occurred from {@code occurredFrom} to {@code occurredTo}; evaluate the
 * rules that watch them. A list or bound left out (null) is unknown: every rule of the plant is evaluated for it, in
 * the windows of now.
 */
@RegisterForReflection
public record AlertPrompt(String plant, String period, List<String> defectCodes, List<String> lines,
        List<String> workCenters, List<String> shifts, Instant occurredFrom, Instant occurredTo) {
}
