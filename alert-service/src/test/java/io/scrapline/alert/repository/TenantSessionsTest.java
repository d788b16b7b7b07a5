package io.scrapline.alert.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.scrapline.alert.domain.AlertRule;
import io.scrapline.alert.domain.Audience;
import io.scrapline.alert.domain.AuditEntry;
import io.scrapline.alert.domain.AuditQuery;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTenants;
import io.smallrye.mutiny.Uni;

/**
 * The entities through Hibernate Reactive, on the real migrations with row-level security forced: a session sees a
 * tenant's rows only inside {@link TenantSessions#inTenant}, and only that tenant's.
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
