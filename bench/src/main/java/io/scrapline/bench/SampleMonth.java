package io.scrapline.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A realistic month of one three-line plant, generated from a fixed seed: the MES's defects with its own part numbers
 * and defect codes, the ERP's cost roll, the cross-references between them, and the alert rules a quality manager would
 * set; the labor tracker's rework hours and the ERP's labor rates; the ERP's postings to the general ledger, one of
 * them wrong. A few records are meant to stop in exceptions: an MES part nobody mapped, and rework that has no labor
 * booked yet.
 */
public final class SampleMonth {

    public static final String PLANT = "DAY1";
    public static final String PERIOD = "2026-10";
    public static final String MES = "plex-mes";
    public static final String ERP = "sap-erp";
    public static final String LABOR = "kronos-labor";
    private static final ZoneId ZONE = ZoneId.of("America/New_York");

    /** A routing step: operation, work center, material, labor, overhead per finished unit. */
    record Step(String operation, String line, String workCenter, String material, String labor, String overhead) {
    }

    record Part(String erpPart, String mesPart, List<Step> routing, int weight) {
    }

    record Code(String mesCode, String code, String description, String category, String coqClass, int weight,
            String line) {
    }

    static final List<Part> PARTS = List.of(
            new Part("100-4471-A", "MFG-4471",
                    List.of(new Step("0010", "L1", "WC-110", "120.00", "30.00", "20.00"),
                            new Step("0020", "L1", "WC-120", "0.00", "28.40", "20.00"),
                            new Step("0030", "L3", "WC-310", "6.50", "9.00", "7.50")),
                    30),
            new Part("100-5120-B", "MFG-5120",
                    List.of(new Step("0010", "L1", "WC-110", "42.00", "11.00", "8.00"),
                            new Step("0020", "L1", "WC-120", "0.00", "16.50", "12.00"),
                            new Step("0030", "L3", "WC-320", "0.00", "4.00", "3.00")),
                    25),
            new Part("200-3305-C", "MFG-3305",
                    List.of(new Step("0010", "L2", "WC-210", "310.00", "45.00", "30.00"),
                            new Step("0020", "L2", "WC-220", "85.00", "38.00", "26.00"),
                            new Step("0030", "L3", "WC-320", "0.00", "12.00", "9.00")),
                    20),
            new Part("200-7710-A", "MFG-7710",
                    List.of(new Step("0010", "L2", "WC-210", "540.00", "60.00", "44.00"),
                            new Step("0020", "L2", "WC-220", "120.00", "52.00", "36.00"),
                            new Step("0030", "L3", "WC-310", "18.00", "14.00", "10.00")),
                    10),
            new Part("300-1180-D", "MFG-1180", List.of(new Step("0010", "L1", "WC-110", "9.80", "3.20", "2.10"),
                    new Step("0020", "L3", "WC-310", "1.40", "2.60", "1.90")), 15));

    static final List<Code> CODES = List.of(
            new Code("D-114", "MACH-DIM", "Dimension out of tolerance", "machining", "internal_failure", 34, "L1"),
            new Code("D-115", "MACH-SURF", "Surface finish out of specification", "machining", "internal_failure", 12,
                    "L1"),
            new Code("D-201", "MAT-POR", "Porosity in casting", "raw material", "internal_failure", 14, null),
            new Code("A-310", "ASM-TORQ", "Fastener torque out of specification", "assembly", "internal_failure", 18,
                    "L2"),
            new Code("A-320", "ASM-MISS", "Missing component", "assembly", "internal_failure", 8, "L2"),
            new Code("F-410", "PNT-RUN", "Paint run or sag", "finishing", "internal_failure", 10, "L3"),
            new Code("C-900", "CUST-RET", "Customer return, field failure", "customer return", "external_failure", 4,
                    null));

    private SampleMonth() {
    }

    public static Map<String, Object> plant() {
        return Map.of("name", "Dayton Machining & Assembly", "currency", "USD", "time_zone", ZONE.getId(),
                "fiscal_calendar", "calendar");
    }

    public static List<Map<String, Object>> defectCodes() {
        return CODES.stream().map(c -> Map.<String, Object> of("code", c.code(), "description", c.description(),
                "category", c.category(), "coq_class", c.coqClass())).toList();
    }

    public static List<Map<String, Object>> defectCodeXrefs() {
        return CODES.stream().map(c -> Map.<String, Object> of("source_code", c.mesCode(), "defect_code", c.code()))
                .toList();
    }

    public static List<Map<String, Object>> partXrefs() {
        return PARTS.stream().map(p -> Map.<String, Object> of("source_part", p.mesPart(), "part", p.erpPart(),
                "effective_from", "2026-01-01")).toList();
    }

    /** The ERP cost roll effective 2026-01-01, and a restated roll of the housing from 2026-10-16. */
    public static String standardCostsCsv() {
        StringBuilder csv = new StringBuilder(
                "part,plant,operation,work_center,material_cost,labor_cost,overhead_cost,currency,effective_from\n");
        for (Part part : PARTS) {
            for (Step step : part.routing()) {
                csv.append(String.join(",", part.erpPart(), PLANT, step.operation(), step.workCenter(), step.material(),
                        step.labor(), step.overhead(), "USD", "2026-01-01")).append('\n');
            }
        }
        csv.append("100-4471-A,DAY1,0010,WC-110,131.00,30.00,20.00,USD,2026-10-16\n")
                .append("100-4471-A,DAY1,0020,WC-120,0.00,28.40,20.00,USD,2026-10-16\n")
                .append("100-4471-A,DAY1,0030,WC-310,6.50,9.00,7.50,USD,2026-10-16\n");
        return csv.toString();
    }

    /** About {@code events} defect records over the month, three shifts, weighted like a real Pareto. */
    public static String defectsCsv(int events, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("source_id,plant,line,work_center,part,defect_code,quantity,"
                + "disposition,occurred_at,shift,work_order,operation,customer_return\n");
        for (int i = 1; i <= events; i++) {
            Code code = pick(CODES, Code::weight, random);
            Part part = pick(PARTS, Part::weight, random);
            List<Step> candidates = part.routing().stream()
                    .filter(s -> code.line() == null || s.line().equals(code.line())).toList();
            Step step = candidates.isEmpty() ? part.routing().get(0)
                    : candidates.get(random.nextInt(candidates.size()));
            LocalDate day = LocalDate.of(2026, 10, 1 + random.nextInt(31));
            int hour = random.nextInt(24);
            String shift = hour >= 6 && hour < 14 ? "A" : hour >= 14 && hour < 22 ? "B" : "C";
            ZonedDateTime at = LocalDateTime.of(day, java.time.LocalTime.of(hour, random.nextInt(60))).atZone(ZONE);
            int roll = random.nextInt(100);
            String disposition = roll < 70 ? "scrap"
                    : roll < 84 ? "rework" : roll < 90 ? "use_as_is" : roll < 95 ? "quarantine" : "return_to_vendor";
            boolean customerReturn = code.code().equals("CUST-RET");
            String mesPart = i % 97 == 0 ? "MFG-9999" : part.mesPart();
            int quantity = 1 + random.nextInt(code.code().startsWith("MACH") ? 6 : 3);
            csv.append(String.join(",", "MES-2610-" + String.format("%05d", i), PLANT, step.line(), step.workCenter(),
                    mesPart, code.mesCode(), String.valueOf(quantity), disposition, at.toOffsetDateTime().toString(),
                    shift, "WO-" + (41000 + random.nextInt(400)), customerReturn ? "" : step.operation(),
                    String.valueOf(customerReturn))).append('\n');
        }
        return csv.toString();
    }

    /** The ERP's labor rates: the plant's default and the rework cells' own. */
    public static String laborRatesCsv() {
        return """
                plant,work_center,rate,currency,effective_from
                DAY1,,38.00,USD,2026-01-01
                DAY1,WC-120,46.50,USD,2026-01-01
                DAY1,WC-310,41.00,USD,2026-01-01
                """;
    }

    /**
     * Rework hours booked in the labor tracker against the MES defect they repair, a few hours after it, for every
     * rework of {@code defectsCsv} but each fifth, whose hours are not booked yet; some with extra material.
     */
    public static String reworkLaborCsv(String defectsCsv, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder(
                "source_id,plant,work_center,hours,performed_at,defect_source_id,material_cost\n");
        int rework = 0;
        for (String line : defectsCsv.lines().skip(1).toList()) {
            String[] fields = line.split(",", -1);
            if (!fields[7].equals("rework") || ++rework % 5 == 0) {
                continue;
            }
            String hours = BigDecimal.valueOf(5 + random.nextInt(36), 1).toPlainString();
            String material = random.nextInt(3) == 0 ? "12.80" : "";
            csv.append(String.join(",", "KRN-" + fields[0].substring(4), PLANT, fields[3], hours,
                    OffsetDateTime.parse(fields[8]).plusHours(2 + random.nextInt(20)).toString(), fields[0], material))
                    .append('\n');
        }
        return csv.toString();
    }

    /**
     * The ledger accounts of the defect codes as the ERP's reason codes: scrap on the plant's scrap account (customer
     * returns on the warranty account), rework on the rework account.
     */
    public static List<Map<String, Object>> ledgerAccounts() {
        List<Map<String, Object>> accounts = new ArrayList<>();
        for (Code code : CODES) {
            accounts.add(Map.of("reason_code", code.code(), "cost_type", "scrap", "account",
                    code.code().equals("CUST-RET") ? "5600-WARRANTY" : "5400-SCRAP"));
            accounts.add(Map.of("reason_code", code.code(), "cost_type", "rework", "account", "5500-REWORK"));
        }
        return accounts;
    }

    /** Which of the month's postings the sample's ERP gets wrong, and by how much it posts too little. */
    public static final int SHORT_POSTING = 7;
    public static final BigDecimal SHORT_BY = new BigDecimal("25.00");

    /**
     * The ERP's postings of the month to the general ledger: one document per account and work order that Scrapline
     * costed, as a reconciliation before any posting lists them ({@code unposted}), each for the costed amount, but the
     * {@link #SHORT_POSTING}th, which the ERP posted {@link #SHORT_BY} short: the one difference the reconciliation is
     * to find.
     */
    public static String glPostingsCsv(JsonNode unposted) {
        StringBuilder csv = new StringBuilder("source_id,plant,account,period,amount,currency,work_order\n");
        int document = 0;
        for (JsonNode difference : unposted.get("differences")) {
            if (difference.get("account").isNull() || difference.get("work_order").isNull()) {
                continue;
            }
            BigDecimal amount = new BigDecimal(difference.get("costed").asText());
            if (++document == SHORT_POSTING) {
                amount = amount.subtract(SHORT_BY);
            }
            csv.append(String.join(",", "JE-2610-" + String.format("%04d", document), PLANT,
                    difference.get("account").asText(), PERIOD, amount.toPlainString(), "USD",
                    difference.get("work_order").asText())).append('\n');
        }
        return csv.toString();
    }

    /** Rules a quality manager would set: a monthly budget line per top defect code. */
    public static Map<String, Map<String, Object>> alertRules() {
        Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
        rules.put("mach-dim-monthly", rule("MACH-DIM", "15000.00"));
        rules.put("asm-torq-monthly", rule("ASM-TORQ", "20000.00"));
        rules.put("cust-ret-monthly", rule("CUST-RET", "1000000.00"));
        return rules;
    }

    public static Map<String, Object> audience() {
        return Map.of("members", List.of(
                Map.of("name", "Dana Ortiz", "role", "quality", "email", "dana.ortiz@dayton.example.com"),
                Map.of("name", "Sam Whitfield", "role", "controller", "email", "sam.whitfield@dayton.example.com")));
    }

    private static Map<String, Object> rule(String code, String threshold) {
        return Map.of("plant", PLANT, "defect_code", code, "metric", "cost", "window", "period", "threshold", threshold,
                "audience", "dayton-quality");
    }

    private static <T> T pick(List<T> items, java.util.function.ToIntFunction<T> weight, Random random) {
        int total = items.stream().mapToInt(weight).sum();
        int at = random.nextInt(total);
        for (T item : items) {
            at -= weight.applyAsInt(item);
            if (at < 0) {
                return item;
            }
        }
        return items.get(items.size() - 1);
    }
}
