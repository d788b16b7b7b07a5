package io.scrapline.alert.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.alert.domain.Subscription;
import io.scrapline.alert.domain.SubscriptionInput;
import io.scrapline.alert.repository.AuditRepository;
import io.scrapline.alert.repository.SubscriptionRepository;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.InvalidInputException;
import io.scrapline.platform.problem.NotFoundProblem;
import io.scrapline.platform.problem.OutOfScopeProblem;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;

/**
 * Audiences' subscriptions to reports, under the scope rules of alert rules: a subscription covers a whole plant, or
 * every plant ({@code *}); a token limited to plants writes and sees those plants' subscriptions only, and never takes
 * over another plant's; a token limited to lines writes none and sees none.
 */
@ApplicationScoped
public class SubscriptionService {

    private static final String[] EVERY_PLANT = new String[0];
    private static final String ENTITY = "subscription";

    private final TenantDb db;
    private final SubscriptionRepository subscriptions;
    private final AuditRepository audit;

    public SubscriptionService(TenantDb db, SubscriptionRepository subscriptions, AuditRepository audit) {
        this.db = db;
        this.subscriptions = subscriptions;
        this.audit = audit;
    }

    /**
     * Creates or replaces a subscription.
     *
     * @throws InvalidInputException
     *             naming every field the others contradict, and a missing audience or plant
     * @throws OutOfScopeProblem
     *             for a plant outside the token's scope, every plant with a token of some, or a subscription of another
     *             plant
     */
    public Uni<Subscription> put(String tenant, Scope scope, String by, String id, SubscriptionInput input) {
        if (Subscription.EVERY_PLANT.equals(input.plant())) {
            scope.requireWholeTenant("a subscription to every plant's report");
        } else {
            scope.requireWholePlant(input.plant(), "a subscription to a plant's report");
        }
        return db.inTenant(tenant,
                connection -> subscriptions.find(connection, id, EVERY_PLANT).chain(before -> subscriptions
                        .missingReferences(connection, input.audience(), input.plant()).chain(missing -> {
                            List<FieldError> errors = new ArrayList<>(input.errors());
                            missing.forEach(field -> errors.add(new FieldError(null, field,
                                    "no " + field + " " + (field.equals("plant") ? input.plant() : input.audience()))));
                            if (!errors.isEmpty()) {
                                throw new InvalidInputException("the subscription is invalid", errors);
                            }
                            return subscriptions.upsert(connection, id, input, by, scope.plantArray());
                        }).chain(stored -> {
                            if (!stored) {
                                throw new OutOfScopeProblem(
                                        "subscription " + id + " is of a plant outside the token's scope");
                            }
                            return subscriptions.find(connection, id, EVERY_PLANT);
                        })
                        .call(after -> audit.audit(connection, ENTITY, id, before.isPresent() ? "updated" : "created",
                                by, before.map(SubscriptionRepository::json).orElse(null),
                                SubscriptionRepository.json(after.orElseThrow())))))
                .map(Optional::orElseThrow);
    }

    /** A subscription the token may see; another plant's (or another tenant's) is not found. */
    public Uni<Subscription> get(String tenant, Scope scope, String id) {
        if (scope.limitedToLines()) {
            return Uni.createFrom().failure(notFound(id));
        }
        return db.inTenant(tenant, connection -> subscriptions.find(connection, id, scope.plantArray()))
                .map(found -> found.orElseThrow(() -> notFound(id)));
    }

    /** The subscriptions the token may see, by id. */
    public Uni<List<Subscription>> list(String tenant, Scope scope) {
        if (scope.limitedToLines()) {
            return Uni.createFrom().item(List.of());
        }
        return db.inTenant(tenant, connection -> subscriptions.list(connection, scope.plantArray()));
    }

    /**
     * Deletes a subscription and its runs not yet tried; the runs that went out stay in the log.
     *
     * @throws NotFoundProblem
     *             for a subscription the token may not see
     */
    public Uni<Void> delete(String tenant, Scope scope, String by, String id) {
        scope.requireWholePlants("deleting a subscription");
        return db
                .inTenant(tenant, connection -> subscriptions.find(connection, id, scope.plantArray()).chain(before -> {
                    if (before.isEmpty()) {
                        throw notFound(id);
                    }
                    // Recorded first: the entry names the subscription's plant, which it reads from the subscription.
                    return audit.audit(connection, ENTITY, id, "deleted", by, SubscriptionRepository.json(before.get()),
                            null).chain(() -> subscriptions.delete(connection, id, scope.plantArray()));
                })).replaceWithVoid();
    }

    private static NotFoundProblem notFound(String id) {
        return new NotFoundProblem("no subscription " + id);
    }
}
