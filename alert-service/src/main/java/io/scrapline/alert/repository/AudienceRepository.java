package io.scrapline.alert.repository;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.scrapline.alert.domain.Audience;
import io.scrapline.alert.domain.Member;
import io.scrapline.alert.domain.MemberRules;
import io.scrapline.alert.domain.QuietHours;
import io.scrapline.alert.domain.WebhookFormat;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Audiences and their members, stored as a JSON list per audience: the v1 fields ({@code name}, {@code role},
 * {@code email}, {@code phone}, {@code webhook_url}, {@code lines}) and the channels' settings ({@code webhook_format},
 * {@code webhook_secret} sealed, {@code quiet_hours}, {@code digest}). Written and read as {@link Audience} entities
 * within a {@link TenantSessions} transaction; {@link #members(SqlConnection, List)} is the one SQL read of them, for
 * the readers inside SQL transactions (an alert opening its deliveries, an escalation step, a distribution run).
 */
@ApplicationScoped
public class AudienceRepository implements PanacheRepositoryBase<Audience, Audience.Key> {

    public Uni<Audience> find(String tenant, String audience) {
        return findById(new Audience.Key(tenant, audience));
    }

    /** The audience, its row locked until the transaction ends; null if there is none. */
    public Uni<Audience> forUpdate(String tenant, String audience) {
        return findById(new Audience.Key(tenant, audience), LockModeType.PESSIMISTIC_WRITE);
    }

    /** Which of {@code audiences} exist. */
    public Uni<List<String>> existing(Collection<String> audiences) {
        return audiences.isEmpty() ? Uni.createFrom().item(List.of())
                : getSession().chain(session -> session
                        .createSelectionQuery("select a.audienceId from Audience a where a.audienceId in :ids",
                                String.class)
                        .setParameter("ids", audiences).getResultList());
    }

    /** Stores a new audience; the tenant's first audience makes its {@code tenants} row too. */
    public Uni<Audience> create(Audience audience) {
        return getSession().chain(session -> session
                .createNativeQuery("INSERT INTO tenants (tenant_id) VALUES (current_tenant()) ON CONFLICT DO NOTHING")
                .executeUpdate()).chain(() -> persist(audience));
    }

    /** The members of the named audiences that exist, by audience, in the caller's SQL transaction. */
    public Uni<Map<String, List<Member>>> members(SqlConnection connection, List<String> audiences) {
        return connection.preparedQuery("SELECT audience_id, members FROM audiences WHERE audience_id = ANY($1)")
                .execute(Tuple.of(audiences.toArray(String[]::new))).map(rows -> {
                    Map<String, List<Member>> found = new LinkedHashMap<>();
                    for (Row row : rows) {
                        found.put(row.getString(0), members((JsonArray) row.getValue(1)));
                    }
                    return found;
                });
    }

    /**
     * Seals again, with {@code reseal}, every member's webhook secret that it changes, each audience's row locked;
     * returns how many audiences changed.
     */
    public Uni<Integer> resealSecrets(UnaryOperator<String> reseal) {
        return findAll().withLock(LockModeType.PESSIMISTIC_WRITE).list().map(all -> {
            int changed = 0;
            for (Audience audience : all) {
                JsonArray members = new JsonArray(audience.getMembers());
                boolean resealed = false;
                for (Object each : members) {
                    JsonObject member = (JsonObject) each;
                    String secret = member.getString("webhook_secret");
                    String sealed = secret == null ? null : reseal.apply(secret);
                    if (sealed != null && !sealed.equals(secret)) {
                        member.put("webhook_secret", sealed);
                        resealed = true;
                    }
                }
                if (resealed) {
                    audience.setMembers(members.encode());
                    changed++;
                }
            }
            return changed;
        });
    }

    /** The members an audience stores. */
    public static List<Member> members(Audience audience) {
        return members(new JsonArray(audience.getMembers()));
    }

    /** {@code members} as an audience stores them, webhook secrets (sealed) included. */
    public static String stored(List<Member> members) {
        JsonArray stored = new JsonArray();
        members.forEach(member -> stored.add(json(member, true)));
        return stored.encode();
    }

    /**
     * A member as JSON; with {@code secret} false, the webhook secret is left out and only {@code webhook_secret_set}
     * says whether there is one (the audit trail's and the API's view).
     */
    public static JsonObject json(Member member, boolean secret) {
        JsonObject json = new JsonObject().put("name", member.name()).put("role", member.role())
                .put("email", member.email()).put("phone", member.phone()).put("webhook_url", member.webhookUrl())
                .put("webhook_format", member.webhookFormat() == null ? null : member.webhookFormat().code());
        if (secret) {
            json.put("webhook_secret", member.webhookSecret());
        } else {
            json.put("webhook_secret_set", member.webhookSecret() != null);
        }
        QuietHours quiet = member.quietHours();
        json.put("quiet_hours",
                quiet == null ? null
                        : new JsonObject().put("time_zone", quiet.zone().getId()).put("start", quiet.start().toString())
                                .put("end", quiet.end().toString()));
        return json.put("digest", member.hourlyDigest() ? "hourly" : null).put("lines", new JsonArray(member.lines()));
    }

    private static List<Member> members(JsonArray stored) {
        List<Member> members = new ArrayList<>();
        for (Object each : stored) {
            members.add(member((JsonObject) each));
        }
        return members;
    }

    /** A stored member; one written before channels had settings reads with none (and an unsigned webhook). */
    private static Member member(JsonObject json) {
        String phone = json.getString("phone");
        String webhook = json.getString("webhook_url");
        String format = json.getString("webhook_format");
        JsonObject quiet = json.getJsonObject("quiet_hours");
        JsonArray lines = json.getJsonArray("lines");
        List<String> lineList = new ArrayList<>();
        if (lines != null) {
            lines.forEach(line -> lineList.add(line.toString()));
        }
        return new Member(json.getString("name"), json.getString("role"), json.getString("email"),
                phone == null ? null : Optional.ofNullable(MemberRules.phone(phone)).orElse(phone), webhook,
                webhook == null ? null : format == null ? WebhookFormat.GENERIC : WebhookFormat.of(format),
                json.getString("webhook_secret"),
                quiet == null ? null
                        : new QuietHours(ZoneId.of(quiet.getString("time_zone")),
                                LocalTime.parse(quiet.getString("start")), LocalTime.parse(quiet.getString("end"))),
                "hourly".equals(json.getString("digest")), lineList);
    }
}
