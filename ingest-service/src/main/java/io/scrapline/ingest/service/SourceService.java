package io.scrapline.ingest.service;

import java.security.SecureRandom;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.scrapline.ingest.config.IngestConfig;
import io.scrapline.ingest.domain.SourceSecret;
import io.scrapline.ingest.domain.SourceSystem;
import io.scrapline.ingest.domain.WebhookSignature;
import io.scrapline.ingest.repository.SourceRepository;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.problem.ConflictProblem;
import io.scrapline.platform.problem.NotFoundProblem;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;

/** Source systems of a tenant: registering them, showing them, and issuing their webhook secrets. */
@ApplicationScoped
public class SourceService {

    private final TenantDb db;
    private final SourceRepository sources;
    private final IngestConfig config;
    private final SecureRandom random = new SecureRandom();

    public SourceService(TenantDb db, SourceRepository sources, IngestConfig config) {
        this.db = db;
        this.sources = sources;
        this.config = config;
    }

    /** Registers a source with a new webhook secret; a source that exists (even if only auto-registered) is a 409. */
    public Uni<SourceSecret> create(String tenant, Scope scope, String source, String description) {
        // A source feeds any plant, and its secret signs records of any plant.
        scope.requireWholeTenant("a source system");
        String secret = WebhookSignature.newSecret(random);
        return db.inTenant(tenant, connection -> sources.create(connection, source, description, secret))
                .map(created -> created.orElseThrow(() -> new ConflictProblem(
                        "source " + source + " exists; " + "rotate its webhook secret to get a new one")))
                .invoke(() -> Log.infof("tenant %s registered source %s", tenant, source));
    }

    /** The sources; a token limited to plants or lines sees them without their connectors (see {@link #shown}). */
    public Uni<List<SourceSystem>> list(String tenant, Scope scope) {
        return db.inTenant(tenant, sources::list)
                .map(found -> found.stream().map(source -> shown(scope, source)).toList());
    }

    public Uni<SourceSystem> get(String tenant, Scope scope, String source) {
        return db.inTenant(tenant, connection -> sources.find(connection, source))
                .map(found -> shown(scope, found.orElseThrow(() -> new NotFoundProblem("no source " + source))));
    }

    /** A connector's status carries its last error, which may name records of any plant: the whole tenant's only. */
    private static SourceSystem shown(Scope scope, SourceSystem source) {
        return scope.wholeTenant() ? source : source.withConnectors(List.of());
    }

    /** Issues a new secret; the one it replaces keeps working for the configured grace period. */
    public Uni<SourceSecret> rotate(String tenant, Scope scope, String source) {
        scope.requireWholeTenant("a source system's webhook secret");
        String secret = WebhookSignature.newSecret(random);
        return db
                .inTenant(tenant, connection -> sources.rotate(connection, source, secret, config.webhookSecretGrace()))
                .map(rotated -> rotated.orElseThrow(() -> new NotFoundProblem("no source " + source)))
                .invoke(() -> Log.infof("tenant %s rotated the webhook secret of source %s", tenant, source));
    }
}
