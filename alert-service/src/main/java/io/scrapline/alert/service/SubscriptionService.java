package io.scrapline.alert.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.alert.domain.DistributionSubscription;
import io.scrapline.alert.domain.Subscription;
import io.scrapline.alert.domain.SubscriptionInput;
import io.scrapline.alert.repository.AudienceRepository;
import io.scrapline.alert.repository.AuditRepository;
import io.scrapline.alert.repository.PlantRepository;
import io.scrapline.alert.repository.SubscriptionRepository;
import io.scrapline.alert.repository.TenantSessions;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.InvalidInputException;
import io.scrapline.platform.problem.NotFoundProblem;
import io.scrapline.platform.problem.OutOfScopeProblem;
import io.smallrye.mutiny.Uni;

/**
 * Audiences' subscriptions to reports, under the scope rules of alert rules: a subscription covers a whole plant, or
 * every plant ({@code *}); a token limited to plants writes and sees those plants' subscriptions only, and never takes
 * over another plant's; a token limited to lines writes none and sees none.
 */
@ApplicationScoped
public class SubscriptionService {

    private static final String ENTITY = "subscription";

    private final TenantSessions sessions;
    private final SubscriptionRepository subscriptions;
    private final AudienceRepository audiences;
    private final PlantRepository plants;
    private final AuditRepository audit;

    public SubscriptionService(TenantSessions sessions, SubscriptionRepository subscriptions,
            AudienceRepository audiences, PlantRepository plants, AuditRepository audit) {
        this.sessions = sessions;
        this.subscriptions = subscriptions;
        this.audiences = audiences;
        this.plants = plants;
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
        return sessions.inTenant(tenant, session -> subscriptions.forUpdate(tenant, id)
                .call(stored -> missingReferences(input).invoke(missing -> {
                    List<FieldError> errors = new ArrayList<>(input.errors());
                    missing.forEach(field -> errors.add(new FieldError(null, field,
                            "no " + field + " " + (field.equals("plant") ? input.plant() : input.audience()))));
                    if (!errors.isEmpty()) {
                        throw new InvalidInputException("the subscription is invalid", errors);
                    }
                })).chain(stored -> {
                    if (stored != null && !SubscriptionRepository.inScope(stored, scope.plantArray())) {
                        throw new OutOfScopeProblem("subscription " + id + " is of a plant outside the token's scope");
                    }
                    String before = stored == null ? null
                            : SubscriptionRepository.json(SubscriptionRepository.subscription(stored));
                    DistributionSubscription row = SubscriptionRepository.fill(stored, tenant, id, input, by,
                            TenantSessions.now());
                    Subscription after = SubscriptionRepository.subscription(row);
                    Uni<?> saved = stored != null ? Uni.createFrom().item(row) : subscriptions.persist(row);
                    return saved.chain(() -> record(tenant, id, before == null ? "created" : "updated", by, after,
                            before, SubscriptionRepository.json(after))).replaceWith(after);
                }));
    }

    /** A subscription the token may see; another plant's (or another tenant's) is not found. */
    public Uni<Subscription> get(String tenant, Scope scope, String id) {
        if (scope.limitedToLines()) {
            return Uni.createFrom().failure(notFound(id));
        }
        return sessions.inTenant(tenant, session -> subscriptions.find(tenant, id, scope.plantArray())).map(found -> {
            if (found == null) {
                throw notFound(id);
            }
            return SubscriptionRepository.subscription(found);
        });
    }

    /** The subscriptions the token may see, by id. */
    public Uni<List<Subscription>> list(String tenant, Scope scope) {
        if (scope.limitedToLines()) {
            return Uni.createFrom().item(List.of());
        }
        return sessions.inTenant(tenant, session -> subscriptions.list(scope.plantArray()))
                .map(all -> all.stream().map(SubscriptionRepository::subscription).toList());
    }

    /**
     * Deletes a subscription and its runs not yet tried; the runs that went out stay in the log.
     *
     * @throws NotFoundProblem
     *             for a subscription the token may not see
     */
    public Uni<Void> delete(String tenant, Scope scope, String by, String id) {
        scope.requireWholePlants("deleting a subscription");
        return sessions.inTenant(tenant, session -> subscriptions.find(tenant, id, scope.plantArray()).chain(stored -> {
            if (stored == null) {
                throw notFound(id);
            }
            Subscription before = SubscriptionRepository.subscription(stored);
            return subscriptions.deleteWithUntriedRuns(stored)
                    .chain(() -> record(tenant, id, "deleted", by, before, SubscriptionRepository.json(before), null));
        }));
    }

    /** Which of the subscription's references are missing: {@code audience}, {@code plant} (never for {@code *}). */
    private Uni<List<String>> missingReferences(SubscriptionInput input) {
        return audiences.existing(List.of(input.audience())).chain(found -> {
            List<String> missing = new ArrayList<>();
            if (found.isEmpty()) {
                missing.add("audience");
            }
            if (Subscription.EVERY_PLANT.equals(input.plant())) {
                return Uni.createFrom().item(missing);
            }
            return plants.exists(input.plant()).map(exists -> {
                if (!exists) {
                    missing.add("plant");
                }
                return missing;
            });
        });
    }

    /**
     * The audit entry of a change: it names the subscription's plant (none for every plant's), so that a token of that
     * plant reads it.
     */
    private Uni<Void> record(String tenant, String id, String action, String by, Subscription subscription,
            String before, String after) {
        String[] plant = subscription.everyPlant() ? new String[0] : new String[] { subscription.plant() };
        return audit.record(tenant, ENTITY, id, action, by, plant, null, before, after);
    }

    private static NotFoundProblem notFound(String id) {
        return new NotFoundProblem("no subscription " + id);
    }
}
