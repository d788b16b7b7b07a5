package io.scrapline.alert.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.scrapline.alert.domain.AlertEscalationPolicy;
import io.scrapline.alert.domain.AlertRule;
import io.scrapline.alert.domain.Audience;
import io.scrapline.alert.domain.AuditEntry;
import io.scrapline.alert.domain.AuditQuery;
import io.scrapline.alert.domain.DistributionSubscription;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTenants;
import io.smallrye.mutiny.Uni;

/**
 * The entities through Hibernate Reactive, on the real migrations with row-level security forced: a session sees a
 * tenant's rows only inside {@link TenantSessions#inTenant}, and only that tenant's; a transaction runs from any
 * thread, and one that lost a creation's race runs again.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class TenantSessionsTest {

    @Inject
    TenantDb db;

    @Inject
    TenantSessions sessions;

    @Inject
    RuleRepository rules;

    @Inject
    AudienceRepository audiences;

    @Inject
    AuditRepository audit;

    @Inject
    PolicyRepository policies;

    @Inject
    SubscriptionRepository subscriptions;

    private String a;
    private String b;

    @BeforeEach
    void twoTenantsEachWithARule() throws Throwable {
        a = "t-" + UUID.randomUUID();
        b = "t-" + UUID.randomUUID();
        for (String tenant : List.of(a, b)) {
            TestTenants.createWithPlant(db, tenant, "DAY1");
            await(() -> sessions.inTenant(tenant, session -> rules.persist(rule(tenant, "rule-of-" + tenant))));
        }
    }

    @Test
    void aSessionWithoutTheTenantSetSeesNoRowAndWritesNone() throws Throwable {
        List<AlertRule> seen = await(() -> Panache.withSession(() -> rules.listAll()));
        assertThat(seen).isEmpty();
        assertThatThrownBy(() -> await(() -> Panache.withTransaction(() -> rules.persist(rule(a, "sneaky")))))
                .hasMessageContaining("row-level security");
    }

    @Test
    void aTenantsSessionNeverSeesAnotherTenantsRows() throws Throwable {
        List<AlertRule> ofA = await(() -> sessions.inTenant(a, session -> rules.listOf(null)));
        assertThat(ofA).extracting(AlertRule::getRuleId).containsExactly("rule-of-" + a);
        AlertRule byKey = await(() -> sessions.inTenant(a, session -> rules.find(b, "rule-of-" + b)));
        assertThat(byKey).isNull();
        assertThatThrownBy(() -> await(() -> sessions.inTenant(a, session -> rules.persist(rule(b, "planted")))))
                .hasMessageContaining("row-level security");
        List<AlertRule> ofB = await(() -> sessions.inTenant(b, session -> rules.listOf(null)));
        assertThat(ofB).extracting(AlertRule::getRuleId).containsExactly("rule-of-" + b);
    }

    @Test
    void audiencesAndAuditEntriesStayWithTheirTenant() throws Throwable {
        await(() -> sessions.inTenant(a,
                session -> session
                        .createNativeQuery("INSERT INTO audiences (tenant_id, audience_id, members) "
                                + "VALUES (current_tenant(), 'quality', '[{\"email\": \"a@example.com\"}]')")
                        .executeUpdate().chain(() -> audit.record(a, "rule", "rule-of-" + a, "created", "dana",
                                new String[] { "DAY1" }, null, null, "{\"id\": \"rule-of-" + a + "\"}"))));

        Audience ofA = await(() -> sessions.inTenant(a, session -> audiences.find(a, "quality")));
        assertThat(ofA.getMembers()).isEqualTo("[{\"email\": \"a@example.com\"}]");
        Audience ofB = await(() -> sessions.inTenant(b, session -> audiences.find(a, "quality")));
        assertThat(ofB).isNull();
        AuditQuery everything = new AuditQuery(null, null, null, null, null, 10, null);
        List<AuditEntry> entriesOfA = await(
                () -> sessions.inTenant(a, session -> audit.page(everything, new String[0], new String[0])));
        assertThat(entriesOfA).singleElement()
                .satisfies(entry -> assertThat(entry.getAfter()).contains("rule-of-" + a));
        List<AuditEntry> entriesOfB = await(
                () -> sessions.inTenant(b, session -> audit.page(everything, new String[0], new String[0])));
        assertThat(entriesOfB).isEmpty();
    }

    @Test
    void policiesAndSubscriptionsWrittenAsEntitiesStayWithTheirTenant() throws Throwable {
        await(() -> sessions.inTenant(a,
                session -> audiences.create(audience(a, "quality")).chain(() -> policies.persist(policy(a, "urgent")))
                        .chain(() -> subscriptions.persist(subscription(a, "daily")))));

        AlertEscalationPolicy ofA = await(() -> sessions.inTenant(a, session -> policies.find(a, "urgent")));
        assertThat(ofA.getSteps()).contains("quality");
        List<DistributionSubscription> subscriptionsOfA = await(
                () -> sessions.inTenant(a, session -> subscriptions.list(new String[0])));
        assertThat(subscriptionsOfA).extracting(DistributionSubscription::getSubscriptionId).containsExactly("daily");

        AlertEscalationPolicy asB = await(() -> sessions.inTenant(b, session -> policies.find(a, "urgent")));
        assertThat(asB).isNull();
        List<AlertEscalationPolicy> policiesOfB = await(() -> sessions.inTenant(b, session -> policies.listAll()));
        assertThat(policiesOfB).isEmpty();
        DistributionSubscription subscriptionAsB = await(
                () -> sessions.inTenant(b, session -> subscriptions.find(a, "daily", new String[0])));
        assertThat(subscriptionAsB).isNull();
        List<DistributionSubscription> subscriptionsOfB = await(
                () -> sessions.inTenant(b, session -> subscriptions.listAll()));
        assertThat(subscriptionsOfB).isEmpty();
        List<Audience> audiencesOfB = await(() -> sessions.inTenant(b, session -> audiences.listAll()));
        assertThat(audiencesOfB).isEmpty();
        assertThatThrownBy(() -> await(() -> sessions.inTenant(b, session -> policies.persist(policy(a, "planted")))))
                .hasMessageContaining("row-level security");
    }

    @Test
    void aTransactionRunsFromAThreadWithoutAVertxContext() {
        List<AlertRule> ofA = sessions.inTenant(a, session -> rules.listOf(null)).await().indefinitely();

        assertThat(ofA).extracting(AlertRule::getRuleId).containsExactly("rule-of-" + a);
    }

    @Test
    void aCreationThatLosesTheRaceIsRunAgainAndReplacesTheWinnersRow() throws Throwable {
        AtomicInteger runs = new AtomicInteger();
        String mine = "[{\"email\": \"mine@example.com\"}]";

        await(() -> sessions.inTenant(a, session -> audiences.forUpdate(a, "raced").chain(found -> {
            if (runs.incrementAndGet() > 1) {
                found.setMembers(mine);
                return Uni.createFrom().voidItem();
            }
            // Another request creates the audience and commits between this one's read and its insert.
            Audience created = audience(a, "raced");
            created.setMembers(mine);
            return db
                    .inTenant(a,
                            connection -> connection.query("INSERT INTO audiences (tenant_id, audience_id, "
                                    + "members) VALUES (current_tenant(), 'raced', '[]')").execute())
                    .chain(() -> audiences.create(created)).replaceWithVoid();
        })));

        assertThat(runs).hasValue(2);
        Audience stored = await(() -> sessions.inTenant(a, session -> audiences.find(a, "raced")));
        assertThat(stored.getMembers()).isEqualTo(mine);
    }

    private static Audience audience(String tenant, String id) {
        Audience audience = new Audience();
        audience.setTenantId(tenant);
        audience.setAudienceId(id);
        audience.setMembers("[]");
        audience.setUpdatedAt(TenantSessions.now());
        return audience;
    }

    private static AlertEscalationPolicy policy(String tenant, String id) {
        AlertEscalationPolicy policy = new AlertEscalationPolicy();
        policy.setTenantId(tenant);
        policy.setPolicyId(id);
        policy.setSteps("[{\"audiences\": [\"quality\"], \"delay_minutes\": 0}]");
        policy.setUpdatedAt(TenantSessions.now());
        policy.setUpdatedBy("dana");
        return policy;
    }

    private static DistributionSubscription subscription(String tenant, String id) {
        DistributionSubscription subscription = new DistributionSubscription();
        subscription.setTenantId(tenant);
        subscription.setSubscriptionId(id);
        subscription.setAudienceId("quality");
        subscription.setPlantId("DAY1");
        subscription.setCadence("daily");
        subscription.setFormats(new String[] { "pdf" });
        subscription.setSendAt(LocalTime.of(6, 0));
        subscription.setEnabled(true);
        subscription.setCreatedAt(TenantSessions.now());
        subscription.setUpdatedAt(TenantSessions.now());
        subscription.setUpdatedBy("dana");
        return subscription;
    }

    private static AlertRule rule(String tenant, String id) {
        AlertRule rule = new AlertRule();
        rule.setTenantId(tenant);
        rule.setRuleId(id);
        rule.setPlantId("DAY1");
        rule.setMetric("cost");
        rule.setTimeWindow("day");
        rule.setEnabled(true);
        rule.setUpdatedAt(OffsetDateTime.now());
        return rule;
    }

    /** Runs {@code work} on a Vert.x context, as Hibernate Reactive requires, and waits for it. */
    private static <T> T await(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }
}
