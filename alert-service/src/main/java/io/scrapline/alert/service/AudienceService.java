package io.scrapline.alert.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ServiceUnavailableException;

import io.quarkus.logging.Log;
import io.scrapline.alert.domain.AlertInputs;
import io.scrapline.alert.domain.Audience;
import io.scrapline.alert.domain.IssuedSecret;
import io.scrapline.alert.domain.Member;
import io.scrapline.alert.domain.MemberRules;
import io.scrapline.alert.domain.StandardWebhooks;
import io.scrapline.alert.repository.AudienceRepository;
import io.scrapline.alert.repository.AuditRepository;
import io.scrapline.alert.repository.DeliveryRepository;
import io.scrapline.alert.repository.TenantSessions;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.egress.EgressPolicy;
import io.scrapline.platform.egress.EgressRefusedException;
import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.InvalidInputException;
import io.scrapline.platform.problem.NotFoundProblem;
import io.scrapline.platform.secrets.SecretBox;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Audiences: who hears of alerts, on which channels. A member's webhook gets a signing secret from the platform the
 * first time its URL is written: the answer shows it once, the database keeps it sealed, and writing the audience again
 * with the same URL keeps it.
 */
@ApplicationScoped
public class AudienceService {

    private static final String ENTITY = "audience";

    private final TenantDb db;
    private final TenantSessions sessions;
    private final AudienceRepository audiences;
    private final DeliveryRepository deliveries;
    private final AuditRepository audit;
    private final EgressPolicy egress;
    private final SecretBox secrets;

    public AudienceService(TenantDb db, TenantSessions sessions, AudienceRepository audiences,
            DeliveryRepository deliveries, AuditRepository audit, EgressPolicy egress, SecretBox secrets) {
        this.db = db;
        this.sessions = sessions;
        this.audiences = audiences;
        this.deliveries = deliveries;
        this.audit = audit;
        this.egress = egress;
        this.secrets = secrets;
    }

    /**
     * Creates or replaces an audience; the secrets made for webhooks new to it. An audience is shared by the rules of
     * every plant: only a token without a plant or line limit changes it. A member's webhook URL must be one the egress
     * policy lets the platform call; a name that does not resolve yet is no error here, since every delivery checks
     * again.
     */
    public Uni<List<IssuedSecret>> put(String tenant, Scope scope, String actor, String audience,
            AlertInputs.Audience request) {
        scope.requireWholeTenant("an audience");
        List<FieldError> errors = new ArrayList<>(MemberRules.errors(request.members()));
        return refusedWebhooks(request.members()).chain(refused -> {
            errors.addAll(refused);
            if (!errors.isEmpty()) {
                errors.sort(Comparator.comparing(FieldError::row, Comparator.nullsFirst(Comparator.naturalOrder())));
                throw new InvalidInputException("the audience is invalid", errors);
            }
            return sessions.inTenant(tenant, session -> audiences.forUpdate(tenant, audience).chain(stored -> {
                List<Member> before = stored == null ? null : AudienceRepository.members(stored);
                Map<String, String> kept = new HashMap<>();
                (before == null ? List.<Member> of() : before).stream()
                        .filter(m -> m.webhookUrl() != null && m.webhookSecret() != null)
                        .forEach(m -> kept.putIfAbsent(m.webhookUrl(), m.webhookSecret()));
                List<IssuedSecret> issued = new ArrayList<>();
                List<Member> members = new ArrayList<>();
                for (int i = 0; i < request.members().size(); i++) {
                    AlertInputs.Member input = request.members().get(i);
                    String url = input.webhookUrl() == null ? null : input.webhookUrl().strip();
                    String sealed = url == null || url.isEmpty() ? null : kept.get(url);
                    if (url != null && !url.isEmpty() && sealed == null) {
                        if (!secrets.configured()) {
                            throw new ServiceUnavailableException("no key to seal webhook secrets with is "
                                    + "configured (scrapline.secrets); the operator has been told");
                        }
                        String secret = StandardWebhooks.newSecret();
                        sealed = secrets.seal(secret);
                        kept.put(url, sealed);
                        issued.add(new IssuedSecret(i + 1, input.name(), url, secret));
                    }
                    members.add(MemberRules.member(input, sealed));
                }
                Audience row = stored != null ? stored : newAudience(tenant, audience);
                row.setMembers(AudienceRepository.stored(members));
                row.setUpdatedAt(TenantSessions.now());
                Uni<?> saved = stored != null ? Uni.createFrom().item(row) : audiences.create(row);
                // The entry covers the tenant (no plants): audiences are shared by every plant's rules.
                return saved
                        .chain(() -> audit.record(tenant, ENTITY, audience, before == null ? "created" : "updated",
                                actor, new String[0], null, before == null ? null : json(before), json(members)))
                        .replaceWith(issued);
            }));
        });
    }

    /**
     * Seals every webhook secret of the tenant not sealed under the current key again (the {@code alert-secret-reseal}
     * sweep does it for every tenant with secrets), so that a retired key can leave the ring; returns the rows changed.
     */
    public Uni<Integer> reseal(String tenant) {
        // Two transactions, each idempotent: a sweep that stops between them reseals the rest in its next round.
        return sessions.inTenant(tenant, session -> audiences.resealSecrets(secrets::reseal))
                .chain(changed -> db.inTenant(tenant, connection -> deliveries
                        .resealSecrets(connection, secrets::reseal).map(more -> changed + more)))
                .invoke(changed -> {
                    if (changed > 0) {
                        Log.infof("sealed %d rows of webhook secrets of tenant %s under the current key", changed,
                                tenant);
                    }
                });
    }

    /** The audience's members; a webhook's secret only as whether there is one. */
    public Uni<List<Member>> get(String tenant, Scope scope, String audience) {
        scope.requireWholeTenant("an audience");
        return sessions.inTenant(tenant, session -> audiences.find(tenant, audience)).map(found -> {
            if (found == null) {
                throw new NotFoundProblem("no audience " + audience);
            }
            return AudienceRepository.members(found);
        });
    }

    /** The audience as the audit keeps it: its members, a webhook's secret only as whether there is one. */
    private static String json(List<Member> members) {
        JsonArray all = new JsonArray();
        members.forEach(member -> all.add(AudienceRepository.json(member, false)));
        return new JsonObject().put("members", all).encode();
    }

    private static Audience newAudience(String tenant, String id) {
        Audience audience = new Audience();
        audience.setTenantId(tenant);
        audience.setAudienceId(id);
        return audience;
    }

    private Uni<List<FieldError>> refusedWebhooks(List<AlertInputs.Member> members) {
        List<Uni<Optional<FieldError>>> checks = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            String url = members.get(i).webhookUrl();
            if (url == null || url.isBlank()) {
                continue;
            }
            int row = i + 1;
            URI uri;
            try {
                uri = new URI(url.strip());
            } catch (URISyntaxException e) {
                uri = null;
            }
            if (uri == null || uri.getHost() == null
                    || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                checks.add(Uni.createFrom()
                        .item(Optional.of(new FieldError(row, "webhook_url", "must be an http or https URL"))));
                continue;
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            checks.add(egress.check(uri.getHost(), port).map(checked -> Optional.<FieldError> empty())
                    .onFailure(EgressRefusedException.class)
                    .recoverWithItem(
                            () -> Optional.of(new FieldError(row, "webhook_url", EgressRefusedException.MESSAGE)))
                    .onFailure().recoverWithItem(Optional.empty()));
        }
        return checks.isEmpty() ? Uni.createFrom().item(List.of())
                : Multi.createFrom().iterable(checks).onItem().transformToUniAndConcatenate(check -> check)
                        .filter(Optional::isPresent).map(Optional::get).collect().asList();
    }
}
