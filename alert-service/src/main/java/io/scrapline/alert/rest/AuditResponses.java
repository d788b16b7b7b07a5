package io.scrapline.alert.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.alert.domain.AuditEntry;
import io.scrapline.alert.domain.AuditPage;

/** Response bodies of the audit endpoint. */
@RegisterForReflection(targets = { AuditResponses.Entry.class, AuditResponses.Page.class })
public final class AuditResponses {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private AuditResponses() {
    }

    /**
     * A change: who ({@code actor}, the token's user) did what ({@code action}: {@code created}, {@code updated},
     * {@code deleted}, ...) to which object ({@code entity}: {@code rule}, {@code audience}, ...; {@code entity_id})
     * when, and the object before and after (null where it did not exist), in the fields the API shows it with.
     */
    public record Entry(long id, String entity, String entityId, String action, String actor, OffsetDateTime at,
            @Schema(type = SchemaType.OBJECT, nullable = true) Map<String, Object> before,
            @Schema(type = SchemaType.OBJECT, nullable = true) Map<String, Object> after) {

        static Entry of(AuditEntry entry) {
            return new Entry(entry.getAuditId(), entry.getEntity(), entry.getEntityId(), entry.getAction(),
                    entry.getActor(), entry.getAt(), object(entry.getBefore()), object(entry.getAfter()));
        }
    }

    /** A page of entries, newest first; {@code next_cursor} is the {@code cursor} of the next page, null at the end. */
    public record Page(List<Entry> entries, String nextCursor) {

        static Page of(AuditPage page) {
            return new Page(page.entries().stream().map(Entry::of).toList(), page.nextCursor());
        }
    }

    private static Map<String, Object> object(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit entry that is not JSON", e);
        }
    }
}
