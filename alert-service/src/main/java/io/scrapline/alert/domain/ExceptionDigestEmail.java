package io.scrapline.alert.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The daily digest of the tenant's open costing exceptions, to one of the people who keep the reference data: by plant,
 * the lines ranked by what waits on them (the estimate at standard cost where costing could value the events, then the
 * quantity), at most {@code perPlant} lines a plant, and where each plant's exceptions are listed.
 */
public final class ExceptionDigestEmail {

    private ExceptionDigestEmail() {
    }

    /**
     * @param rows
     *            the open exceptions' lines, by plant and, within a plant, ranked (not empty)
     */
    public static Email of(LocalDate day, List<DigestRow> rows, int perPlant, NoticeLinks links) {
        Map<String, List<DigestRow>> byPlant = new LinkedHashMap<>();
        rows.forEach(row -> byPlant.computeIfAbsent(row.figures().plant(), plant -> new ArrayList<>()).add(row));
        long events = rows.stream().mapToLong(row -> row.figures().events()).sum();
        String subject = "[Scrapline] Open costing exceptions on " + day + ": " + WaitingFigures.count(events, "event")
                + " waiting in " + WaitingFigures.count(byPlant.size(), "plant");
        MessageBody body = new MessageBody().paragraph("The events costing could not cost yet, by plant, those worth "
                + "the most first: at standard cost where costing could value them (an estimate; the event is costed "
                + "once its data arrives), else by quantity.");
        byPlant.forEach((plant, lines) -> {
            long plantEvents = lines.stream().mapToLong(row -> row.figures().events()).sum();
            body.heading(lines.get(0).figures().plantLabel() + ": " + WaitingFigures.count(plantEvents, "event"));
            List<DigestRow> shown = lines.subList(0, Math.min(perPlant, lines.size()));
            body.items(shown.stream().map(DigestRow::describe).toList(), true);
            if (shown.size() < lines.size()) {
                List<DigestRow> rest = lines.subList(shown.size(), lines.size());
                body.paragraph("and " + WaitingFigures.count(rest.size(), "more line") + " ("
                        + WaitingFigures.count(rest.stream().mapToLong(row -> row.figures().events()).sum(), "event")
                        + ")");
            }
            body.link("Open exceptions of " + plant, links.openExceptions(plant));
        });
        body.paragraph("Sent daily while exceptions are open; a day with none sends nothing.");
        return body.email(subject);
    }
}
