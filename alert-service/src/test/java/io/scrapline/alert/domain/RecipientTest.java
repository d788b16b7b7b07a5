package io.scrapline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which reports each role gets, and where a distribution's files and links point. */
class RecipientTest {

    private static final Set<String> LINES = Set.of("L1", "L2");

    @Test
    void eachRoleGetsItsView() {
        assertThat(Recipient.of("c@x.com", "C", "controller", List.of(), LINES).views())
                .containsExactly(new Recipient.ReportView("controller", null));
        assertThat(Recipient.of("q@x.com", "Q", "quality", null, LINES).views())
                .containsExactly(new Recipient.ReportView("quality", null));
        assertThat(Recipient.of("a@x.com", "A", "admin", List.of(), LINES).views())
                .containsExactly(new Recipient.ReportView("full", null));
        assertThat(Recipient.of("m@x.com", "M", "plant_manager", List.of(), LINES).views().get(0).parameter()).isNull();
    }

    @Test
    void aSupervisorGetsEachOfTheirLinesOfThePlant() {
        assertThat(Recipient.of("s@x.com", "S", "supervisor", List.of("L2", "L9", "L1", "L2"), LINES).views())
                .containsExactly(new Recipient.ReportView("supervisor", "L1"),
                        new Recipient.ReportView("supervisor", "L2"));
        assertThat(Recipient.of("s@x.com", "S", "supervisor", List.of(), LINES).views()).isEmpty();
        assertThat(Recipient.of("s@x.com", "S", "supervisor", List.of("L9"), LINES).views()).isEmpty();
    }

    @Test
    void aMemberLimitedToLinesGetsThoseLinesOnly() {
        assertThat(Recipient.of("c@x.com", "C", "controller", List.of("L1"), LINES).views())
                .containsExactly(new Recipient.ReportView("controller", "L1"));
        assertThat(Recipient.of("c@x.com", "C", "controller", List.of("L9"), LINES).views()).isEmpty();
    }

    @Test
    void filesAndLinksNameWhatTheyHold() {
        DistributionRun monthEnd = new DistributionRun("s", "DAY1", "month_end:2026-10:v1", "month_end", "2026-10",
                null, null, 1);
        Recipient.ReportView line = new Recipient.ReportView("supervisor", "L1");
        assertThat(monthEnd.fileName(line, "pdf")).isEqualTo("DAY1-2026-10-v1-supervisor-L1.pdf");
        assertThat(monthEnd.link("https://s.example.com/", line))
                .isEqualTo("https://s.example.com/api/v1/reports/DAY1/2026-10?version=1&view=supervisor&line=L1");
        DistributionRun weekly = new DistributionRun("s", "P/1", "weekly:2026-W46", "weekly", null,
                LocalDate.parse("2026-11-09"), LocalDate.parse("2026-11-15"), null);
        Recipient.ReportView full = new Recipient.ReportView("full", null);
        assertThat(weekly.fileName(full, "xlsx")).isEqualTo("P_1-2026-W46-to-2026-11-15-full.xlsx");
        assertThat(weekly.link("https://s.example.com", full))
                .isEqualTo("https://s.example.com/api/v1/reports/P%2F1/weeks/2026-11-09?as_of=2026-11-15");
        DistributionRun daily = new DistributionRun("s", "DAY1", "daily:2026-11-14", "daily", "2026-11", null,
                LocalDate.parse("2026-11-14"), null);
        assertThat(daily.title()).isEqualTo("2026-11 to date, through 2026-11-14");
        assertThat(daily.link("https://s.example.com", new Recipient.ReportView("quality", null)))
                .isEqualTo("https://s.example.com/api/v1/reports/DAY1/2026-11?as_of=2026-11-14&view=quality");
    }
}
