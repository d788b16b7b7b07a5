package io.scrapline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.scrapline.platform.problem.FieldError;

/**
 * The pure rules of notices of unmapped values: when the digest falls due, how what waits is told (never through a
 * floating-point number), what the settings' fields say together, and what the emails say, escaped.
 */
class ReferenceNoticeDomainTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final NoticeLinks LINKS = new NoticeLinks("https://scrapline.example.com/");

    @Test
    void theLatestDigestIsTodaysOnceItsTimeHasPassedElseYesterdays() {
        Instant before = Instant.parse("2026-11-15T12:59:00Z");
        assertThat(DigestSchedule.latest(LocalTime.of(7, 0), CHICAGO, before))
                .isEqualTo(new DigestSchedule.Due(LocalDate.of(2026, 11, 14), Instant.parse("2026-11-14T13:00:00Z")));
        assertThat(DigestSchedule.latest(LocalTime.of(7, 0), CHICAGO, Instant.parse("2026-11-15T13:00:00Z")).day())
                .isEqualTo(LocalDate.of(2026, 11, 15));
        // 02:30 does not exist on 2026-03-08 in Chicago: the hour after.
        assertThat(DigestSchedule.latest(LocalTime.of(2, 30), CHICAGO, Instant.parse("2026-03-08T12:00:00Z")).dueAt())
                .isEqualTo(Instant.parse("2026-03-08T08:30:00Z"));
    }

    @Test
    void whatWaitsIsToldWithItsEstimateWhereThereIsOne() {
        assertThat(figures(2, "7.000000", null, 0, false).describe("why"))
                .isEqualTo("2 events, 7 units (no estimate: why)");
        assertThat(figures(1, "1", "1529.5", 1, false).describe("why"))
                .isEqualTo("1 event, 1 unit; about 1,529.50 USD at standard cost");
        assertThat(figures(3, "4.5", "12", 2, false).describe(null))
                .isEqualTo("3 events, 4.5 units; about 12.00 USD at standard cost for 2 of 3 events");
        assertThat(figures(1, "2.25", null, 0, true).describe(null)).isEqualTo("1 event, 2.25 hours");
        List<WaitingFigures> plants = List.of(figures(2, "7", null, 0, false), figures(1, "0.5", null, 0, false));
        assertThat(WaitingFigures.events(plants)).isEqualTo(3);
        assertThat(WaitingFigures.quantity(plants)).isEqualByComparingTo("7.5");
    }

    @Test
    void aDailyDigestNeedsATimeZoneAndOnlyADailyDigestHasATime() {
        assertThat(new ReferenceNoticeInput("a", null, null, null, null).errors()).isEmpty();
        assertThat(new ReferenceNoticeInput("a", null, "daily", null, null).errors()).extracting(FieldError::field)
                .containsExactly("time_zone");
        assertThat(new ReferenceNoticeInput("a", null, "daily", null, "Nowhere/Else").errors())
                .extracting(FieldError::message).containsExactly("unknown IANA time zone Nowhere/Else");
        assertThat(new ReferenceNoticeInput("a", null, "off", "07:00", "UTC").errors()).extracting(FieldError::field)
                .containsExactly("send_at", "time_zone");
        ReferenceNoticeInput daily = new ReferenceNoticeInput("a", false, "daily", null, "America/Chicago");
        assertThat(daily.digestAt()).isEqualTo(LocalTime.of(7, 0));
        assertThat(daily.zone()).isEqualTo(CHICAGO);
        assertThat(daily.isEnabled()).isFalse();
    }

    @Test
    void theNoticeOfAValueSaysWhereItWaitsAndWhereToMapItWithTheTenantsTextEscaped() {
        UnmappedValue value = new UnmappedValue(UnmappedValue.UNMAPPED_DEFECT_CODE, "plex-mes", "<b>D-9</b>");
        Email email = UnmappedValueEmail.of(value, List.of(figures(2, "3", "20.10", 2, false)),
                Instant.parse("2026-11-14T14:32:05Z"), LINKS);

        assertThat(email.subject()).isEqualTo(
                "[Scrapline] New defect code <b>D-9</b> of plex-mes has no cross-reference (2 events, 3 units "
                        + "waiting)");
        assertThat(email.text()).contains("DAY1 Dayton: 2 events, 3 units; about 20.10 USD at standard cost")
                .contains("First parked 2026-11-14 14:32 UTC")
                .contains("https://scrapline.example.com/api/v1/sources/plex-mes/defect-code-xref")
                .contains("Open exceptions of DAY1: https://scrapline.example.com/api/v1/exceptions?plant=DAY1"
                        + "&status=open");
        assertThat(email.html()).contains("&lt;b&gt;D-9&lt;/b&gt;").doesNotContain("<b>D-9</b>")
                .contains("href=\"https://scrapline.example.com/api/v1/exceptions?plant=DAY1&amp;status=open\"");
    }

    @Test
    void theDigestListsEachPlantsLinesUpToItsLimitAndCountsTheRest() {
        List<DigestRow> rows = List.of(
                new DigestRow("unmapped_defect_code", "mes", "D-1", figures(2, "3", "90", 2, false)),
                new DigestRow("unmapped_part", "mes", "P-1", figures(1, "40", null, 0, false)),
                new DigestRow("no_labor_rate", "mes", null, figures(4, "6.5", null, 0, true)));
        Email email = ExceptionDigestEmail.of(LocalDate.of(2026, 11, 15), rows, 2, LINKS);

        assertThat(email.subject())
                .isEqualTo("[Scrapline] Open costing exceptions on 2026-11-15: 7 events waiting in 1 plant");
        assertThat(email.text()).containsSubsequence("DAY1 Dayton: 7 events",
                "1. defect code D-1 of mes has no cross-reference: 2 events, 3 units; about 90.00 USD",
                "2. part P-1 of mes has no cross-reference: 1 event, 40 units (no estimate: ",
                "and 1 more line (4 events)", "Open exceptions of DAY1");
        assertThat(rows.get(2).describe()).isEqualTo("no labor rate (mes): 4 events, 6.5 hours");
    }

    private static WaitingFigures figures(long events, String quantity, String estimated, long estimatedEvents,
            boolean hours) {
        return new WaitingFigures("DAY1", "Dayton", "USD", events, new BigDecimal(quantity),
                estimated == null ? null : new BigDecimal(estimated), estimatedEvents, hours);
    }
}
