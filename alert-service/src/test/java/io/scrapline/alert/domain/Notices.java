package io.scrapline.alert.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import io.scrapline.alert.domain.Notice.Event;
import io.scrapline.alert.domain.Notice.Level;
import io.scrapline.alert.domain.Notice.Measure;
import io.scrapline.alert.domain.Notice.Metric;
import io.scrapline.alert.domain.Notice.Window;
import io.scrapline.alert.domain.Notice.WindowKind;

/** Alerts to render and send in tests: the seed's "$2,000 in one shift" on a machining line, and variations. */
public final class Notices {

    public static final String BASE_URL = "https://scrapline.example.com";
    public static final NoticeLinks LINKS = new NoticeLinks(BASE_URL);
    public static final ZoneId DAYTON = ZoneId.of("America/New_York");
    public static final String HOSTILE_CODE = "<script>alert('x')</script>";

    private Notices() {
    }

    /** A critical cost alert of shift B on line L2 with three events and two NCRs. */
    public static Notice shiftCost() {
        return shiftCost("MACH-DIM");
    }

    public static Notice shiftCost(String defectCode) {
        return new Notice("1234", Instant.parse("2026-05-14T19:32:05Z"), Level.CRITICAL, "mach-dim-shift",
                "Machining dimensions per shift", "DAY1", "Dayton", "L2", "WC-40", "B", defectCode, null,
                new Measure(Metric.COST, new BigDecimal("4215.50"), new BigDecimal("2000.00")), "USD", null, shiftB(),
                List.of(event(881, "655.20", "3", "NCR-1042", defectCode),
                        event(882, "2249.90", "10", "NCR-1043", defectCode),
                        event(883, "1310.40", "6", null, defectCode)),
                List.of());
    }

    /** A warning on the quantity of a defect category over a rolling window, with no NCR. */
    public static Notice rollingQuantity() {
        return new Notice("1235", Instant.parse("2026-05-14T20:00:00Z"), Level.WARNING, "weld-qty", null, "DAY1", null,
                null, null, null, null, "WELD",
                new Measure(Metric.QUANTITY, new BigDecimal("1250"), new BigDecimal("1000")), "USD",
                "2× the average of the last 20 windows",
                new Window(WindowKind.ROLLING_HOURS, ZonedDateTime.of(2026, 5, 14, 12, 0, 0, 0, DAYTON),
                        ZonedDateTime.of(2026, 5, 14, 16, 0, 0, 0, DAYTON), "last 4 hours"),
                List.of(), List.of());
    }

    public static Digest hourDigest() {
        return new Digest(Instant.parse("2026-05-14T19:00:00Z"), Instant.parse("2026-05-14T20:00:00Z"), DAYTON,
                List.of(shiftCost(), rollingQuantity()));
    }

    /** A digest of the hour holding {@code count} copies of {@link #shiftCost()}. */
    public static Digest digestOf(int count) {
        List<Notice> notices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            notices.add(shiftCost());
        }
        return new Digest(hourDigest().from(), hourDigest().to(), DAYTON, notices);
    }

    static Window shiftB() {
        return new Window(WindowKind.SHIFT, ZonedDateTime.of(2026, 5, 14, 14, 0, 0, 0, DAYTON),
                ZonedDateTime.of(2026, 5, 14, 22, 0, 0, 0, DAYTON), "B");
    }

    static Event event(long id, String amount, String quantity, String ncr, String defectCode) {
        return new Event(id, Instant.parse("2026-05-14T18:00:00Z").plusSeconds(id), "100-4471-A", defectCode,
                new BigDecimal(quantity), new BigDecimal(amount), ncr);
    }
}
