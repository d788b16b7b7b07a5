package io.scrapline.ingest.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class DatabasePullerTest {

    @Test
    void databaseValuesBecomeTextAndWatermarksBindByTheirType() {
        assertThat(DatabasePuller.text(OffsetDateTime.of(2026, 10, 14, 13, 30, 0, 0, ZoneOffset.UTC)))
                .isEqualTo("2026-10-14T13:30:00Z");
        assertThat(DatabasePuller.text(LocalDateTime.of(2026, 10, 14, 9, 30))).isEqualTo("2026-10-14T09:30:00");
        assertThat(DatabasePuller.text(new BigDecimal("1E-5"))).isEqualTo("0.00001");
        assertThat(DatabasePuller.text(2.5d)).isEqualTo("2.5");

        assertThat(DatabasePuller.bind("timestamp with time zone", "2026-10-14T13:30:00.123456Z"))
                .isEqualTo(OffsetDateTime.of(2026, 10, 14, 13, 30, 0, 123_456_000, ZoneOffset.UTC));
        assertThat(DatabasePuller.bind("date", "2026-10-14")).isEqualTo(LocalDate.of(2026, 10, 14));
        assertThat(DatabasePuller.bind("bigint", "42")).isEqualTo(42L);
        assertThat(DatabasePuller.bind("numeric", "4.20")).isEqualTo(new BigDecimal("4.20"));
        assertThat(DatabasePuller.bind("character varying", "A-7")).isEqualTo("A-7");
        assertThatThrownBy(() -> DatabasePuller.bind("timestamp with time zone", "yesterday"))
                .isInstanceOf(PullException.class).hasMessageContaining("is not a value of type");
        assertThatThrownBy(() -> DatabasePuller.bind("box", "(1,1),(0,0)")).isInstanceOf(PullException.class)
                .hasMessageContaining("cast it to");
    }
}
