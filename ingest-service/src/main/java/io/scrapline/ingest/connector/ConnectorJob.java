package io.scrapline.ingest.connector;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.scrapline.ingest.service.ConnectorService;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;

/**
 * Runs the connectors whose time has come. The sweep runs once per cluster at a time (an advisory lock), tenant after
 * tenant and, within a tenant, connector after connector; a connector someone runs by hand meanwhile is skipped, as its
 * own lock is taken, and picked up on a later sweep if it is still due.
 */
@ApplicationScoped
public class ConnectorJob {

    private final TenantDb db;
    private final ConnectorService connectors;

    public ConnectorJob(TenantDb db, ConnectorService connectors) {
        this.db = db;
        this.connectors = connectors;
    }

    @Scheduled(every = "${scrapline.connectors.poll-every:5s}", delayed = "${scrapline.connectors.poll-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> runDue() {
        return db.sweepTenants("connector-runs", "tenants_with_due_connectors", connectors::runDue);
    }
}
