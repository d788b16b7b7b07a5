package io.scrapline.ingest.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.scrapline.ingest.service.SecretService;
import io.scrapline.platform.secrets.SecretBox;
import io.smallrye.mutiny.Uni;

/**
 * The ingest service stores secrets, so it does not start without a key to seal them with. At start-up and then
 * periodically it seals every stored secret that is not sealed under the current key: plaintext left by a version
 * before encryption, and values under a key that was rotated out.
 */
@ApplicationScoped
public class SecretJob {

    private final SecretBox box;
    private final SecretService secrets;

    public SecretJob(SecretBox box, SecretService secrets) {
        this.box = box;
        this.secrets = secrets;
    }

    void onStart(@Observes StartupEvent event) {
        box.requireKey();
        // In the background: start-up does not wait for it, and a failure is retried by the schedule.
        secrets.resealAll().subscribe().with(done -> Log.debug("secrets sealed under the current key"),
                failure -> Log.error("sealing the secrets under the current key failed", failure));
    }

    @Scheduled(every = "${scrapline.secrets.reseal-every:1h}", delayed = "${scrapline.secrets.reseal-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reseal() {
        return secrets.resealAll();
    }
}
