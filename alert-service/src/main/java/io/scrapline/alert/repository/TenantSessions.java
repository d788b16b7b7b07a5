package io.scrapline.alert.repository;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.scrapline.platform.problem.UnavailableProblem;
import io.smallrye.mutiny.Uni;

/**
 * The only way alert-service reaches its entities: a Hibernate Reactive transaction whose first statement sets the
 * transaction-local {@code app.tenant_id} that row-level security keys on, as
 * {@link io.scrapline.platform.tenant.TenantDb} does for SQL. Without it a session sees no tenant's rows and can write
 * none.
 */
@ApplicationScoped
public class TenantSessions {

    /** Runs {@code work} in one transaction that sees only {@code tenantId}'s rows. */
    public <T> Uni<T> inTenant(String tenantId, Function<Mutiny.Session, Uni<T>> work) {
        if (tenantId == null || tenantId.isBlank()) {
            return Uni.createFrom().failure(new IllegalArgumentException("no tenant"));
        }
        return Panache
                .withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery("SELECT set_config('app.tenant_id', :tenant, true)")
                                .setParameter("tenant", tenantId).getSingleResult().chain(() -> work.apply(session))))
                .onFailure().transform(UnavailableProblem::translate);
    }
}
