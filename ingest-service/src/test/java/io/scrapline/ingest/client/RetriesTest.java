package io.scrapline.ingest.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.scrapline.ingest.config.ConnectorConfig;

class RetriesTest {

    @Test
    void backOffDoublesUpToTheLimit() {
        ConnectorConfig.Retry retry = new ConnectorConfig.Retry() {
            @Override
            public int attempts() {
                return 6;
            }

            @Override
            public Duration baseDelay() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration maxDelay() {
                return Duration.ofSeconds(5);
            }
        };
        assertThat(List.of(1, 2, 3, 4).stream().map(n -> Retries.delay(retry, n).toSeconds())).containsExactly(1L, 2L,
                4L, 5L);
        assertThat(Retries.isTransient(new PullException("answered 503", true))).isTrue();
        assertThat(Retries.isTransient(new PullException("answered 404", false))).isFalse();
        assertThat(Retries.isTransient(new java.net.ConnectException("refused"))).isTrue();
        assertThat(Retries.isTransient(new IllegalArgumentException())).isFalse();
    }
}
