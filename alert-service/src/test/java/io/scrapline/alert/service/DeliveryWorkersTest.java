package io.scrapline.alert.service;

import static io.scrapline.alert.service.Alerting.member;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.scrapline.alert.client.ChannelServers;
import io.scrapline.alert.client.Receivers;
import io.scrapline.alert.repository.DeliveryRepository;
import io.scrapline.alert.repository.DeliveryRepository.Claimed;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The queue's guarantees with several workers: two claiming the same deliveries at once (as two replicas do, with the
 * sweep's own worker besides) send each one once; a worker that dies after its claim leaves the delivery to another
 * once the lease runs out, and cannot send it itself when it comes back.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(ChannelServers.Profile.class)
class DeliveryWorkersTest {

    @ChannelServers.Smtp
    GreenMail smtp;

    @Inject
    TenantDb db;

    @Inject
    DeliveryService deliveries;

    @Inject
    DeliveryWorker worker;

    @Inject
    DeliveryRepository queue;

    @Test
    void twoWorkersClaimingTheSameDeliveriesSendEachOnce() {
        Alerting world = new Alerting(db);
        List<Map<String, Object>> members = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            members.add(member("Member " + i, "email", world.email("m" + i)));
        }
        world.putAudience("crew", members).statusCode(204);
        long alert = world.logAlert("DAY1", "crew");
        world.openHeld(deliveries, alert, "crew");

        world.sql("UPDATE alert_deliveries SET next_attempt_at = now() WHERE alert_id = $1", alert);
        Uni<Integer> a = worker.drain(world.tenant, "worker-a", null);
        Uni<Integer> b = worker.drain(world.tenant, "worker-b", null);
        Uni.join().all(a, b).andFailFast().await().atMost(Duration.ofSeconds(60));

        Alerting.await(() -> world.count("SELECT count(*) FROM alert_deliveries WHERE status = 'done'") == 16);
        for (int i = 0; i < 16; i++) {
            assertThat(Receivers.to(smtp, world.email("m" + i))).as("member " + i).hasSize(1);
        }
        assertThat(world.count("SELECT count(*) FROM alert_delivery_attempts")).isEqualTo(16);
        assertThat(world.count("SELECT max(attempts) FROM alert_deliveries")).isEqualTo(1);
    }

    @Test
    void aDeliveryWhoseWorkerDiedIsTakenOverAfterTheLeaseAndSentOnce() {
        Alerting world = new Alerting(db);
        String dana = world.email("dana");
        world.putAudience("solo", List.of(member("Dana Ortiz", "email", dana))).statusCode(204);
        long alert = world.logAlert("DAY1", "solo");
        world.openHeld(deliveries, alert, "solo");

        // A worker claims it for 2 s and dies before it sends.
        Claimed lost = db
                .inTenant(world.tenant, connection -> connection
                        .preparedQuery("UPDATE alert_deliveries SET next_attempt_at = now() WHERE alert_id = $1")
                        .execute(Tuple.of(alert))
                        .chain(() -> queue.claim(connection, "dead-worker", Duration.ofSeconds(2), List.of(alert))))
                .await().indefinitely().orElseThrow();
        assertThat(world.text("SELECT claimed_by FROM alert_deliveries WHERE alert_id = $1", alert))
                .isEqualTo("dead-worker");

        Alerting.await(() -> Receivers.to(smtp, dana).size() == 1);
        Alerting.await(
                () -> "done".equals(world.text("SELECT status FROM alert_deliveries WHERE alert_id = $1", alert)));
        assertThat(world.text("SELECT claimed_by FROM alert_deliveries WHERE alert_id = $1", alert))
                .isNotEqualTo("dead-worker");
        assertThat(world.count("SELECT attempt FROM alert_delivery_attempts WHERE delivery_id = $1", lost.id()))
                .isEqualTo(2);

        // Back from the dead, the first worker finds its claim taken over: it sends nothing.
        worker.attempt(world.tenant, lost).await().indefinitely();
        Alerting.pause(Duration.ofSeconds(1));
        assertThat(Receivers.to(smtp, dana)).hasSize(1);
        assertThat(world.count("SELECT count(*) FROM alert_delivery_attempts WHERE delivery_id = $1", lost.id()))
                .isEqualTo(1);
        assertThat(Optional.ofNullable(world.text("SELECT status FROM alert_log WHERE alert_id = $1", alert)))
                .contains("sent");
    }
}
