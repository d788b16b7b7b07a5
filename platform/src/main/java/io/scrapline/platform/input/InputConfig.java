package io.scrapline.platform.input;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on the input every service accepts. */
@ConfigMapping(prefix = "scrapline.input")
public interface InputConfig {

    /**
     * The earliest year of a date, timestamp or period a request may carry; an earlier one (year 0000, a typo of the
     * century) is refused with the row and field named.
     */
    @WithDefault("1900")
    int earliestYear();

    /**
     * The latest year of a date, timestamp or period a request may carry; PostgreSQL would store a year past 294276 as
     * {@code infinity}, which no period or report can hold.
     */
    @WithDefault("2200")
    int latestYear();

    /** The years accepted, as a range to check dates against. */
    default Years years() {
        return new Years(earliestYear(), latestYear());
    }

    /** An inclusive range of years. */
    record Years(int earliest, int latest) {

        public static final Years DEFAULT = new Years(1900, 2200);

        public boolean contains(int year) {
            return year >= earliest && year <= latest;
        }

        /** Why {@code year} is refused, or null. */
        public String problem(int year) {
            return contains(year) ? null : "must be in the years " + earliest + " to " + latest;
        }
    }
}
