package io.scrapline.alert.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The notice of a new unmapped source value, to one of the people who keep the cross-references: which value of which
 * source, in which plants, how many events and how much waits on it, where to map it and where the exceptions are
 * listed. It is sent once while the value stays unmapped, so it says so.
 */
public final class UnmappedValueEmail {

    private UnmappedValueEmail() {
    }

    /**
     * @param figures
     *            what waits on the value, one entry per plant (not empty)
     * @param firstParked
     *            when costing parked the first event of it
     */
    public static Email of(UnmappedValue value, List<WaitingFigures> figures, Instant firstParked, NoticeLinks links) {
        long events = WaitingFigures.events(figures);
        String waiting = WaitingFigures.count(events, "event") + ", "
                + WaitingFigures.units(WaitingFigures.quantity(figures));
        String subject = "[Scrapline] New " + value.noun() + " " + value.value() + " of " + value.source()
                + " has no cross-reference (" + waiting + " waiting)";
        MessageBody body = new MessageBody()
                .paragraph("Costing has parked events of source " + value.source() + " whose " + value.noun() + " "
                        + value.value() + " no cross-reference maps, so they are not costed. They wait on it:")
                .items(figures.stream().map(plant -> plant.plantLabel() + ": " + plant.describe(value.whyNoEstimate()))
                        .toList(), false)
                .paragraph("First parked " + Figures.time(firstParked, ZoneOffset.UTC) + " UTC. This is the only notice"
                        + " of it while its events wait; once it is mapped they are costed, and should it be parked "
                        + "again later, you hear of it again.")
                .link("Map it (PUT, with the " + (value.part() ? "part and its effective date" : "catalogued code")
                        + ")", links.api(value.crossReferencePath()));
        figures.forEach(plant -> body.link("Open exceptions of " + plant.plant(), links.openExceptions(plant.plant())));
        return body.email(subject);
    }
}
