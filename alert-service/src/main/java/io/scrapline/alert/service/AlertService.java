package io.scrapline.alert.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.alert.domain.AlertState;
import io.scrapline.alert.domain.LoggedAlert;
import io.scrapline.alert.repository.AlertLogRepository;
import io.scrapline.alert.repository.DeliveryLogRepository;
import io.scrapline.alert.repository.EscalationRepository;
import io.scrapline.alert.repository.TenantSessions;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.problem.NotFoundProblem;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;

/** The alert log as people read it: the alerts of their plants and lines, each with its deliveries and escalation. */
@ApplicationScoped
public class AlertService {

    private final TenantDb db;
    private final TenantSessions sessions;
    private final AlertLogRepository alerts;
    private final DeliveryLogRepository deliveryLog;
    private final EscalationRepository escalations;

    public AlertService(TenantDb db, TenantSessions sessions, AlertLogRepository alerts,
            DeliveryLogRepository deliveryLog, EscalationRepository escalations) {
        this.db = db;
        this.sessions = sessions;
        this.alerts = alerts;
        this.deliveryLog = deliveryLog;
        this.escalations = escalations;
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
     * An alert of the plants in {@code scope} with its acknowledgement, resolution, escalation and deliveries; a token
     * limited to lines sees those of its lines' rules, as in the list.
     */
    public Uni<AlertState> state(String tenant, Scope scope, long alertId) {
        return db.readInTenant(tenant,
                connection -> alerts.find(connection, alertId, scope.plantArray()).chain(found -> {
                    if (found.isEmpty()
                            || (scope.limitedToLines() && !scope.covers(found.get().plant(), found.get().line()))) {
                        throw new NotFoundProblem("no alert " + alertId);
                    }
                    return escalations.responses(connection, alertId)
                            .map(responses -> new AlertState(found.get(), responses.level(), responses.acknowledged(),
                                    responses.resolved(), responses.escalation(), List.of()));
                }))
                // The deliveries commit with their alert, so a read after the alert's finds them all.
                .chain(state -> sessions.inTenant(tenant, session -> deliveryLog.ofAlert(alertId))
                        .map(state::withDeliveries));
    }
}
