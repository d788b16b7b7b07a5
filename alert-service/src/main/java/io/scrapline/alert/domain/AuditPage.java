package io.scrapline.alert.domain;

import java.util.List;

/** A page of audit entries, newest first; {@code nextCursor} reads the next page, null after the last one. */
public record AuditPage(List<AuditEntry> entries, String nextCursor) {

    public AuditPage {
        entries = List.copyOf(entries);
    }
}
