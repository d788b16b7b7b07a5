package io.scrapline.alert.domain;

import java.time.LocalDate;

/**
 * A notice to send: of an unmapped source value ({@code value} set), or the digest of open exceptions of a local day
 * ({@code digestDate} set).
 */
public record ReferenceNotice(long id, UnmappedValue value, LocalDate digestDate) {

    public static final String UNMAPPED_VALUE = "unmapped_value";
    public static final String DIGEST = "digest";

    public boolean digest() {
        return digestDate != null;
    }
}
