package io.scrapline.alert.repository;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.scrapline.platform.problem.UnavailableProblem;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;

/**
 * The only way alert-service reaches its entities: a Hibernate Reactive transaction whose first statement sets the
 * transaction-local {@code app.tenant_id} that row-level security keys on, as
 * {@link io.scrapline.platform.tenant.TenantDb} does for SQL. Without it a session sees no tenant's rows and can write
 * none.
 */
@ApplicationScoped
public class TenantSessions {

    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * Runs {@code work} in one transaction that sees only {@code tenantId}'s rows, on a Vert.x context as Hibernate
     * Reactive needs (a sweep or a test may call from any thread). A transaction that failed because another one
     * inserted the same key first (two requests creating the same object at once) is run once more from the start, when
     * it finds the object and replaces it, as an upsert would; so {@code work} may run twice and does nothing outside
     * the transaction.
     */
    public <T> Uni<T> inTenant(String tenantId, Function<Mutiny.Session, Uni<T>> work) {
        if (tenantId == null || tenantId.isBlank()) {
            return Uni.createFrom().failure(new IllegalArgumentException("no tenant"));
        }
        return onVertxContext(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("SELECT set_config('app.tenant_id', :tenant, true)")
                        .setParameter("tenant", tenantId).getSingleResult().chain(() -> work.apply(session)))))
                                .onFailure(TenantSessions::uniqueViolation).retry().atMost(1).onFailure()
                                .transform(UnavailableProblem::translate);
    }

    /** The time a change is stamped with, as PostgreSQL keeps it: in microseconds, in UTC. */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Runs {@code work} on the caller's Vert.x sub-context (a request's, a scheduled job's), or, from any other thread,
     * on a new one that Quarkus flags safe for Hibernate Reactive.
     */
    private static <T> Uni<T> onVertxContext(Supplier<Uni<T>> work) {
        Context current = Vertx.currentContext();
        if (current != null && VertxContext.isDuplicatedContext(current)) {
            return Uni.createFrom().deferred(work::get);
        }
        return Uni.createFrom().emitter(emitter -> VertxContextSupport.subscribe(
                () -> Uni.createFrom().deferred(work::get).toMulti(),
                subscription -> subscription.with(emitter::complete, emitter::fail, () -> emitter.complete(null))));
    }

    private static boolean uniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                    || cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
