package io.scrapline.ingest.client;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.quarkus.logging.Log;
import io.scrapline.ingest.config.ConnectorConfig;
import io.scrapline.platform.egress.EgressErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.core.VertxException;

/**
 * Asks a source again when it failed transiently, waiting twice as long before each further attempt. Failures that
 * would only repeat (see {@link PullException}) are not retried.
 */
final class Retries {

    private Retries() {
    }

    /**
     * {@code request} tried up to the configured number of times; {@code onAttempt} counts every attempt. A failure
     * that outlasts the attempts ends as a {@link PullException} that says what was tried.
     */
    static <T> Uni<T> withRetries(String what, ConnectorConfig.Retry retry, Runnable onAttempt,
            Supplier<Uni<T>> request) {
        return attempt(what, retry, onAttempt, request, 1);
    }

    static boolean isTransient(Throwable failure) {
        if (failure instanceof PullException pull) {
            return pull.isTransient();
        }
        // Refused and lost connections, timeouts, unknown hosts: the source may be back on the next attempt.
        return failure instanceof IOException || failure instanceof TimeoutException
                || failure instanceof VertxException;
    }

    /**
     * The failure in words for the run log: ours as they are, anything else by its class only ("connection refused",
     * "timed out", ...), since an I/O failure's message names addresses and ports and may quote the remote.
     */
    static String describe(Throwable failure) {
        if (failure instanceof PullException) {
            return failure.getMessage();
        }
        return EgressErrors.classOf(failure);
    }

    static Duration delay(ConnectorConfig.Retry retry, int failedAttempt) {
        long factor = 1L << Math.min(failedAttempt - 1, 20);
        Duration delay = retry.baseDelay().multipliedBy(factor);
        return delay.compareTo(retry.maxDelay()) > 0 ? retry.maxDelay() : delay;
    }

    private static <T> Uni<T> attempt(String what, ConnectorConfig.Retry retry, Runnable onAttempt,
            Supplier<Uni<T>> request, int attempt) {
        return Uni.createFrom().deferred(() -> {
            onAttempt.run();
            return request.get();
        }).onFailure().recoverWithUni(failure -> {
            if (!(failure instanceof PullException)) {
                Log.infof("%s, attempt %d: %s", what, attempt, String.valueOf(failure));
            }
            if (!isTransient(failure) || attempt >= retry.attempts()) {
                String attempts = attempt == 1 ? "" : " (" + attempt + " attempts)";
                return Uni.createFrom().failure(new PullException(what + ": " + describe(failure) + attempts, false));
            }
            Duration delay = delay(retry, attempt);
            Log.warnf("%s failed on attempt %d of %d, trying again in %d ms: %s", what, attempt, retry.attempts(),
                    delay.toMillis(), describe(failure));
            return Uni.createFrom().voidItem().onItem().delayIt().by(delay)
                    .chain(() -> attempt(what, retry, onAttempt, request, attempt + 1));
        });
    }

}
