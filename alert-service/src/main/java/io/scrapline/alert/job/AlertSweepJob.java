package io.scrapline.alert.job;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.scrapline.alert.service.AlertService;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;

/**
 * Evaluates every rule of every tenant and retries failed sends, so an alert a lost prompt missed still goes out. Once
 * per cluster at a time.
 */
@ApplicationScoped
public class AlertSweepJob {

    private final TenantDb db;
    private final AlertService alerts;

    public AlertSweepJob(TenantDb db, AlertService alerts) {
        this.db = db;
        this.alerts = alerts;
    }

    @Scheduled(every = "${scrapline.alert.sweep-every:30s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return db.sweepTenants("alert-sweep", "tenants_with_alert_rules",
                tenant -> alerts.evaluate(tenant, Scope.TENANT, null).chain(() -> alerts.retryUnsent(tenant)));
    }
}
