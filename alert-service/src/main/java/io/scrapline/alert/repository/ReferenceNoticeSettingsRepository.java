package io.scrapline.alert.repository;

import java.time.ZoneId;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.alert.domain.ReferenceNoticeInput;
import io.scrapline.alert.domain.ReferenceNoticeSettings;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The tenant's settings of notices of unmapped source values: one row, or none. */
@ApplicationScoped
public class ReferenceNoticeSettingsRepository {

    private static final String COLUMNS = """
            audience_id, enabled, digest_send_at, digest_time_zone, enabled_since, digest_since, created_at,
            updated_at, updated_by""";

    public Uni<Optional<ReferenceNoticeSettings>> find(SqlConnection connection) {
        return connection.query("SELECT " + COLUMNS + " FROM reference_notice_settings").execute()
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(settings(rows.iterator().next())));
    }

    /**
     * Stores the settings. Notices begin again (values parked before are not notified one by one) when they were off or
     * absent; the digest begins again when it was off (a digest due before is not sent). The creation time stays.
     */
    public Uni<Void> upsert(SqlConnection connection, ReferenceNoticeInput input, String by) {
        return connection.preparedQuery("""
                INSERT INTO reference_notice_settings AS s (tenant_id, audience_id, enabled, digest_send_at,
                    digest_time_zone, digest_since, updated_by)
                VALUES (current_tenant(), $1, $2, $3, $4, CASE WHEN $3::time IS NULL THEN NULL ELSE now() END, $5)
                ON CONFLICT (tenant_id) DO UPDATE SET audience_id = excluded.audience_id, enabled = excluded.enabled,
                    digest_send_at = excluded.digest_send_at, digest_time_zone = excluded.digest_time_zone,
                    enabled_since = CASE WHEN s.enabled OR NOT excluded.enabled THEN s.enabled_since ELSE now() END,
                    digest_since = CASE WHEN excluded.digest_send_at IS NULL THEN NULL
                                        WHEN s.enabled AND s.digest_send_at IS NOT NULL THEN s.digest_since
                                        ELSE now() END,
                    updated_at = now(), updated_by = excluded.updated_by
                """).execute(Tuple.tuple().addValue(input.audience()).addValue(input.isEnabled())
                .addValue(input.digestAt()).addValue(input.zone() == null ? null : input.zone().getId()).addValue(by))
                .replaceWithVoid();
    }

    /** Deletes the settings: nothing more is notified. Whether there were any. */
    public Uni<Boolean> delete(SqlConnection connection) {
        return connection.query("DELETE FROM reference_notice_settings").execute().map(rows -> rows.rowCount() > 0);
    }

    /** The settings as the audit records them, in the API's fields. */
    public static JsonObject json(ReferenceNoticeSettings settings) {
        return new JsonObject().put("audience", settings.audience()).put("enabled", settings.enabled())
                .put("digest", settings.digest() ? ReferenceNoticeSettings.DAILY : ReferenceNoticeSettings.OFF)
                .put("send_at", settings.digestAt() == null ? null : settings.digestAt().toString())
                .put("time_zone", settings.timeZone() == null ? null : settings.timeZone().getId());
    }

    private static ReferenceNoticeSettings settings(Row row) {
        String zone = row.getString("digest_time_zone");
        return new ReferenceNoticeSettings(row.getString("audience_id"), row.getBoolean("enabled"),
                row.getLocalTime("digest_send_at"), zone == null ? null : ZoneId.of(zone),
                row.getOffsetDateTime("enabled_since"), row.getOffsetDateTime("digest_since"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"), row.getString("updated_by"));
    }
}
