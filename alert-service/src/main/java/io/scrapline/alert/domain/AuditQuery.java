package io.scrapline.alert.domain;

import java.time.OffsetDateTime;

/**
 * Which audit entries to read, newest first: each filter null for any; {@code before} the cursor, an entry id (the
 * entries older than it), null for the newest.
 */
public record AuditQuery(String entity, String entityId, String actor, OffsetDateTime from, OffsetDateTime to,
        int limit, Long before) {
}
