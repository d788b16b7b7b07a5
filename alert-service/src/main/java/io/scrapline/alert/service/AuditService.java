package io.scrapline.alert.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.alert.domain.AuditEntry;
import io.scrapline.alert.domain.AuditPage;
import io.scrapline.alert.domain.AuditQuery;
import io.scrapline.alert.repository.AuditRepository;
import io.scrapline.alert.repository.TenantSessions;
import io.scrapline.platform.auth.Scope;
import io.smallrye.mutiny.Uni;

/** Reads the change audit of the tenant, as far as the token's plants and lines reach. */
@ApplicationScoped
public class AuditService {

    private final TenantSessions sessions;
    private final AuditRepository audit;

    public AuditService(TenantSessions sessions, AuditRepository audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    /**
     * The entries {@code query} asks for, newest first. A token limited to plants reads the entries of its plants only
     * (not those of what covers the tenant, such as audiences); one limited to lines those of its lines only.
     */
    public Uni<AuditPage> page(String tenant, Scope scope, AuditQuery query) {
        return sessions.inTenant(tenant, session -> audit.page(query, scope.plantArray(), scope.lineArray()))
                .map(entries -> {
                    if (entries.size() <= query.limit()) {
                        return new AuditPage(entries, null);
                    }
                    List<AuditEntry> page = entries.subList(0, query.limit());
                    return new AuditPage(page, String.valueOf(page.get(page.size() - 1).getAuditId()));
                });
    }
}
