package io.scrapline.costing.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.scrapline.platform.period.FiscalCalendar;

/** What costing needs to know besides the record itself, loaded once for a chunk of records. */
public record ReferenceData(Map<String, Plant> plants, Map<String, List<PartXref>> partXrefs,
        Map<String, String> defectCodeXrefs, Map<String, DefectCode> defectCodes,
        Map<String, List<CostRollLine>> costRolls) {

    /** A plant's currency, and the time zone and fiscal calendar that decide the period of its events. */
    public record Plant(String currency, ZoneId zone, FiscalCalendar calendar) {

        /** A plant that keeps calendar months, the default of the plants table. */
        public Plant(String currency, ZoneId zone) {
            this(currency, zone, FiscalCalendar.CALENDAR);
        }
    }

    public record PartXref(LocalDate effectiveFrom, String part) {
    }

    public record DefectCode(String code, String description, String coqClass) {
    }

    public static String key(String first, String second) {
        return first + '\u0000' + second;
    }

    /** The ERP part a source's part number maps to on {@code date}. */
    public Optional<String> part(String source, String sourcePart, LocalDate date) {
        return partXrefs.getOrDefault(key(source, sourcePart), List.of()).stream()
                .filter(x -> !x.effectiveFrom().isAfter(date)).max(Comparator.comparing(PartXref::effectiveFrom))
                .map(PartXref::part);
    }

    public Optional<DefectCode> defectCode(String source, String sourceCode) {
        return Optional.ofNullable(defectCodeXrefs.get(key(source, sourceCode))).map(defectCodes::get);
    }

    public List<CostRollLine> costRoll(String plant, String part) {
        return costRolls.getOrDefault(key(plant, part), List.of());
    }
}
