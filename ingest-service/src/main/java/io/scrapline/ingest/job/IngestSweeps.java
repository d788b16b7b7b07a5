package io.scrapline.ingest.job;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

import io.quarkus.runtime.StartupEvent;
import io.scrapline.ingest.config.ConnectorConfig;
import io.scrapline.ingest.service.ConnectorService;
import io.scrapline.ingest.service.SecretService;
import io.scrapline.platform.job.Sweep;
import io.scrapline.platform.secrets.SecretBox;
import io.scrapline.platform.secrets.SecretsConfig;

/** The ingest service's scheduled work, run by the platform's {@link io.scrapline.platform.job.SweepScheduler}. */
public class IngestSweeps {

    /** The ingest service stores secrets, so it does not start without a key to seal them with. */
    void requireKey(@Observes StartupEvent event, SecretBox box) {
        box.requireKey();
    }

    /**
     * The connectors whose time has come run, tenant after tenant and, within a tenant, connector after connector. A
     * connector someone runs by hand meanwhile is skipped, as its own lease is taken, and picked up on a later round if
     * it is still due.
     */
    @Produces
    Sweep connectorRuns(ConnectorConfig config, ConnectorService connectors) {
        String every = config.pollEvery().toString();
        return Sweep.oncePerCluster("connector-runs", every, every, "tenants_with_due_connectors", connectors::runDue);
    }

    /**
     * Every stored secret not sealed under the current key sealed again, at start-up and then periodically: plaintext
     * left by a version before encryption, and values under a key that was rotated out, which can then leave the ring.
     */
    @Produces
    Sweep secretReseal(SecretsConfig config, SecretService secrets) {
        return Sweep.oncePerCluster("secret-reseal", config.resealEvery().toString(), "0s", "tenants_with_secrets",
                secrets::reseal);
    }
}
