package io.scrapline.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.scrapline.ingest.repository.ConnectorRepository;
import io.scrapline.ingest.repository.SourceRepository;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;

/**
 * Keeps every stored secret sealed under the current key: webhook secrets of source systems and the secrets in
 * connector settings. Plaintext values (written before encryption) and values under a retired key are sealed again, one
 * tenant per transaction, so that a key can be rotated and the old one then removed from the ring.
 */
@ApplicationScoped
public class SecretService {

    private final TenantDb db;
    private final SourceRepository sources;
    private final ConnectorRepository connectors;

    public SecretService(TenantDb db, SourceRepository sources, ConnectorRepository connectors) {
        this.db = db;
        this.sources = sources;
        this.connectors = connectors;
    }

    /**
     * Seals the tenant's secrets that are not sealed under the current key yet (the ingest service's
     * {@code secret-reseal} sweep does it for every tenant with secrets); the answer is the rows changed.
     */
    public Uni<Integer> reseal(String tenant) {
        return db
                .inTenant(tenant,
                        connection -> sources.resealSecrets(connection).chain(changedSources -> connectors
                                .resealSecrets(connection).map(changed -> changed + changedSources)))
                .invoke(changed -> {
                    if (changed > 0) {
                        Log.infof("sealed %d rows of secrets of tenant %s under the current key", changed, tenant);
                    }
                });
    }
}
