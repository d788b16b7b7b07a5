package io.scrapline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The human formats of an alert and a digest: the email's text and HTML parts and the SMS. */
class NoticeRenderingTest {

    private static final String EVENT_881 = Notices.BASE_URL + "/api/v1/costed-events/881";
    private static final String NCR_1042 = Notices.BASE_URL + "/api/v1/costed-events?plant=DAY1&ncr=NCR-1042";
    private static final String ACKNOWLEDGE = Notices.BASE_URL + "/api/v1/alerts/1234/acknowledge";

    @Test
    void theTextSaysWhereWhatTheFigureAgainstTheThresholdAndLinksEveryEventAndNcr() {
        Notice notice = Notices.shiftCost();
        assertThat(NoticeText.subject(notice))
                .isEqualTo("[Scrapline] CRITICAL DAY1 / L2 / WC-40 MACH-DIM: cost 4,215.50 USD over 2,000.00 USD");
        String body = NoticeText.body(notice, Notices.LINKS);
        assertThat(body).contains("CRITICAL alert 1234 of rule Machining dimensions per shift (mach-dim-shift)")
                .contains("Plant:       DAY1 (Dayton)").contains("Line:        L2").contains("Shift:       B")
                .contains("Cost:        4,215.50 USD, over the threshold of 2,000.00 USD")
                .contains("Window:      shift B: 2026-05-14 14:00 to 22:00 (America/New_York)")
                .contains("NCRs:        NCR-1042, NCR-1043")
                .contains("2026-05-14 14:14, part 100-4471-A, MACH-DIM, qty 3, 655.20 USD, NCR NCR-1042")
                .contains(EVENT_881, Notices.BASE_URL + "/api/v1/costed-events/882",
                        Notices.BASE_URL + "/api/v1/costed-events/883")
                .contains("NCR-1042  " + NCR_1042).contains("Acknowledge (POST): " + ACKNOWLEDGE);
    }

    @Test
    void aQuantityRuleShowsUnitsItsBasisAndNoAbsentFacts() {
        String body = NoticeText.body(Notices.rollingQuantity(), Notices.LINKS);
        assertThat(body)
                .contains("Quantity:    1,250 units, over the threshold of 1,000 units "
                        + "(2× the average of the last 20 windows)")
                .contains("Category:    WELD").doesNotContain("Line:").doesNotContain("NCR")
                .doesNotContain("Top events");
    }

    @Test
    void theHtmlEscapesTheTenantsTextAndCarriesNoScriptOrImage() {
        String html = NoticeHtml.render(Notices.shiftCost(Notices.HOSTILE_CODE), Notices.LINKS);
        assertThat(html).doesNotContain("<script").doesNotContain("alert('x')").doesNotContainIgnoringCase("<img")
                .doesNotContain("src=").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }

    @Test
    void theHtmlParetoListsTheEventsLargestFirstWithBarsAsWideAsTheirShare() {
        String html = NoticeHtml.render(Notices.shiftCost(), Notices.LINKS);
        // 2,249.90 is the full 160 px; 1,310.40 → 93 px; 655.20 → 47 px. Cumulative shares of 4,215.50: 53, 84, 100.
        assertThat(widths(html)).containsExactly(160, 93, 47);
        assertThat(html.indexOf(">882</a>")).isLessThan(html.indexOf(">883</a>"));
        assertThat(html.indexOf(">883</a>")).isLessThan(html.indexOf(">881</a>"));
        assertThat(html).contains(">53%<", ">84%<", ">100%<").contains("<a href=\"" + EVENT_881 + "\">881</a>")
                .contains("<a href=\"" + NCR_1042.replace("&", "&amp;") + "\">NCR-1042</a>").contains("NCR-1043")
                .contains(ACKNOWLEDGE).contains("2,249.90 USD");
    }

    @Test
    void theSmsHasTheEssentialsAndTheNcrIdsInOneLink() {
        String sms = NoticeSms.render(Notices.shiftCost(), Notices.LINKS);
        assertThat(sms).isEqualTo("Scrapline CRITICAL DAY1/L2/WC-40 MACH-DIM: cost 4,215.50 USD > 2,000.00 USD "
                + "(shift B). NCR NCR-1042, NCR-1043. " + Notices.BASE_URL + "/api/v1/alerts/1234");
        assertThat(sms.length()).isLessThanOrEqualTo(NoticeSms.MAX_LENGTH);
    }

    @Test
    void aLongSmsCountsTheNcrsItCannotListAndStaysWithin320Characters() {
        List<String> ncrs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ncrs.add("NCR-2026-" + (10_000 + i));
        }
        Notice base = Notices.shiftCost();
        Notice many = new Notice(base.alertId(), base.raisedAt(), base.level(), base.ruleId(), base.ruleName(),
                base.plant(), base.plantName(), base.line(), base.workCenter(), base.shift(), base.defectCode(), null,
                base.measure(), base.currency(), null, base.window(), List.of(), ncrs);
        String sms = NoticeSms.render(many, Notices.LINKS);
        assertThat(sms.length()).isLessThanOrEqualTo(NoticeSms.MAX_LENGTH);
        assertThat(sms).contains("NCR NCR-2026-10000, NCR-2026-10001").containsPattern("\\+\\d+ more\\.")
                .endsWith(" " + Notices.BASE_URL + "/api/v1/alerts/1234");

        Notice longCode = Notices.shiftCost("X".repeat(400));
        String cut = NoticeSms.render(longCode, Notices.LINKS);
        assertThat(cut.length()).isLessThanOrEqualTo(NoticeSms.MAX_LENGTH);
        assertThat(cut).contains("...").contains("NCR NCR-1042 +1 more.").endsWith("/api/v1/alerts/1234");
    }

    @Test
    void aDigestHasEveryAlertInEachHumanFormat() {
        Digest digest = Notices.hourDigest();
        assertThat(NoticeText.subject(digest))
                .isEqualTo("[Scrapline] 2 alerts (1 critical), 2026-05-14 15:00 to 16:00 (America/New_York)");
        assertThat(NoticeText.body(digest, Notices.LINKS)).contains("1. CRITICAL DAY1 / L2 / WC-40 MACH-DIM")
                .contains("2. WARNING DAY1 WELD: quantity 1,250 units over 1,000 units").contains(NCR_1042)
                .contains(EVENT_881).contains(ACKNOWLEDGE).contains("/api/v1/alerts/1235/acknowledge");
        String html = NoticeHtml.render(digest, Notices.LINKS);
        assertThat(html).contains("2 alerts (1 critical)").contains(">NCR-1042</a>").contains("WELD")
                .contains("/api/v1/alerts/1235/acknowledge");
        String sms = NoticeSms.render(digest, Notices.LINKS);
        assertThat(sms).startsWith("Scrapline 2 alerts (1 critical)").contains("NCR NCR-1042,NCR-1043")
                .contains("WARNING DAY1 WELD 1,250 units").endsWith(" " + Notices.BASE_URL + "/api/v1/alerts");
        assertThat(sms.length()).isLessThanOrEqualTo(NoticeSms.MAX_LENGTH);
    }

    @Test
    void aDigestSmsOfManyAlertsCountsThoseItCannotList() {
        Digest digest = Notices.digestOf(30);
        String sms = NoticeSms.render(digest, Notices.LINKS);
        assertThat(sms.length()).isLessThanOrEqualTo(NoticeSms.MAX_LENGTH);
        assertThat(sms).containsPattern(" \\+\\d+ more\\. ").contains("NCR-1042");
    }

    @Test
    void aLineBreakInANameCannotSplitTheSubjectOrTheSms() {
        Notice base = Notices.shiftCost();
        Notice broken = new Notice(base.alertId(), base.raisedAt(), base.level(), base.ruleId(), base.ruleName(),
                "DAY1\r\nBcc: x@example.com", null, null, null, null, "CODE", null, base.measure(), "USD", null,
                base.window(), List.of(), List.of());
        assertThat(NoticeText.subject(broken)).doesNotContain("\r").doesNotContain("\n");
        assertThat(NoticeSms.render(broken, Notices.LINKS)).doesNotContain("\r").doesNotContain("\n");
    }

    private static List<Integer> widths(String html) {
        Matcher matcher = Pattern.compile("<td width=\"(\\d+)\"").matcher(html);
        List<Integer> widths = new ArrayList<>();
        while (matcher.find()) {
            widths.add(Integer.parseInt(matcher.group(1)));
        }
        return widths;
    }
}
