package io.scrapline.alert.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.alert.domain.AlertInputs;
import io.scrapline.alert.domain.Audience;
import io.scrapline.alert.repository.AudienceRepository;
import io.scrapline.alert.repository.AuditRepository;
import io.scrapline.alert.repository.TenantSessions;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.egress.EgressPolicy;
import io.scrapline.platform.egress.EgressRefusedException;
import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.InvalidInputException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Audiences: stored as entities in the tenant's transaction, each change with its audit entry. */
@ApplicationScoped
public class AudienceService {

    static final String ENTITY = "audience";

    private final TenantSessions sessions;
    private final AudienceRepository audiences;
    private final AuditRepository audit;
    private final EgressPolicy egress;

    public AudienceService(TenantSessions sessions, AudienceRepository audiences, AuditRepository audit,
            EgressPolicy egress) {
        this.sessions = sessions;
        this.audiences = audiences;
        this.audit = audit;
        this.egress = egress;
    }

    /**
     * Creates or replaces an audience as {@code actor}. An audience is shared by the rules of every plant: only a token
     * without a plant or line limit changes it. A member's webhook URL must be one the egress policy lets the platform
     * call; a name that does not resolve yet is no error here, since every delivery checks again.
     */
    public Uni<Void> put(String tenant, Scope scope, String actor, String id, AlertInputs.Audience request) {
        scope.requireWholeTenant("an audience");
        return refusedWebhooks(request.members()).chain(refused -> {
            if (!refused.isEmpty()) {
                throw new InvalidInputException("a webhook URL is not one the platform may call", refused);
            }
            String members = request.membersJson();
            return sessions
                    .inTenant(tenant,
                            session -> session.createNativeQuery(
                                    "INSERT INTO tenants (tenant_id) VALUES (current_tenant()) ON CONFLICT DO NOTHING")
                                    .executeUpdate().chain(() -> audiences.find(tenant, id)).chain(existing -> {
                                        String before = existing == null ? null
                                                : AlertInputs.audienceJson(id, existing.getMembers());
                                        Audience row = existing != null ? existing : newAudience(tenant, id);
                                        row.setMembers(members);
                                        row.setUpdatedAt(OffsetDateTime.now());
                                        Uni<?> saved = existing != null ? Uni.createFrom().item(row)
                                                : audiences.persist(row);
                                        return saved.chain(() -> audit.record(tenant, ENTITY, id,
                                                existing == null ? "created" : "updated", actor, new String[0], null,
                                                before, AlertInputs.audienceJson(id, members)));
                                    }));
        });
    }

    private Uni<List<FieldError>> refusedWebhooks(List<AlertInputs.Member> members) {
        List<Uni<Optional<FieldError>>> checks = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            String url = members.get(i).webhookUrl();
            if (url == null) {
                continue;
            }
            int row = i + 1;
            URI uri;
            try {
                uri = new URI(url);
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

    private static Audience newAudience(String tenant, String id) {
        Audience audience = new Audience();
        audience.setTenantId(tenant);
        audience.setAudienceId(id);
        return audience;
    }
}
