package io.scrapline.alert.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.alert.domain.LoggedAlert;
import io.scrapline.alert.repository.AlertLogRepository;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.problem.NotFoundProblem;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;

/** The alert log: the alerts the evaluation opened, as far as a token's scope reaches, and their acknowledgement. */
@ApplicationScoped
public class AlertService {

    private final TenantDb db;
    private final AlertLogRepository alerts;

    public AlertService(TenantDb db, AlertLogRepository alerts) {
        this.db = db;
        this.alerts = alerts;
    }

    /**
     * The alerts of the plants in {@code scope}. A token limited to lines sees the alerts of rules of its lines only: a
     * rule of a whole plant watches a whole plant's figure.
     */
    public Uni<List<LoggedAlert>> list(String tenant, Scope scope, String status) {
        return db.inTenant(tenant,
                connection -> alerts.list(connection, status, scope.plantArray(), scope.lineArray()));
    }

    /**
     * Acknowledges an alert of a plant in {@code scope}; one of another plant is not found, as another tenant's is. A
     * token limited to lines may acknowledge its plants' alerts: that is a receipt, it changes no figure or setting.
     */
    public Uni<Void> acknowledge(String tenant, Scope scope, long alertId) {
        return db.inTenant(tenant, connection -> alerts.acknowledge(connection, alertId, scope.plantArray()))
                .invoke(found -> {
                    if (!found) {
                        throw new NotFoundProblem("no alert " + alertId);
                    }
                }).replaceWithVoid();
    }
}
