package io.scrapline.platform.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class StrictJsonTest {

    record Plant(String name, BigDecimal rate, LocalDate from, OffsetDateTime at, JsonNode config) {
    }

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(new StrictJson(InputConfig.Years.DEFAULT));

    @Test
    void readsOrdinaryValues() throws Exception {
        Plant plant = json.readValue("{\"name\": \"Dayton\\tEast\", \"rate\": 1.082345, \"from\": \"2026-01-01\", "
                + "\"at\": \"2026-10-14T09:30:00-04:00\", \"config\": {\"a\": [\"b\", 1.5]}}", Plant.class);
        assertThat(plant.name()).isEqualTo("Dayton\tEast");
        assertThat(plant.rate()).isEqualByComparingTo("1.082345");
        assertThat(plant.config().path("a").get(0).asText()).isEqualTo("b");
    }

    @Test
    void refusesNulAndControlCharactersNamingTheField() {
        assertRefused("{\"name\": \"Dayton\\u0000\"}", "name", "must not contain NUL characters");
        assertRefused("{\"name\": \"Dayton\\u0007\"}", "name", "must not contain control characters");
        assertRefused("{\"name\": \"\\ud800x\"}", "name", "must be valid UTF-8 (a lone surrogate)");
        assertRefused("{\"config\": {\"auth\": {\"client_id\": \"a\\u0000\"}}}", "config",
                "must not contain NUL characters");
    }

    @Test
    void refusesDecimalsBeyondTheColumns() {
        assertRefused("{\"rate\": 1e400}", "rate", "must have at most 12 digits before the decimal point");
        assertRefused("{\"rate\": \"-1e400\"}", "rate", "must have at most 12 digits before the decimal point");
        assertRefused("{\"rate\": 1e-400}", "rate", "must have at most 12 digits after the decimal point");
    }

    @Test
    void refusesYearsOutsideTheRange() {
        assertRefused("{\"from\": \"+99999-01-01\"}", "from", "must be in the years 1900 to 2200");
        assertRefused("{\"from\": \"0000-01-01\"}", "from", "must be in the years 1900 to 2200");
        assertRefused("{\"at\": \"+300000-01-01T00:00:00Z\"}", "at", "must be in the years 1900 to 2200");
    }

    @Test
    void theRulesOfTextAndDecimals() {
        assertThat(InputRules.textProblem("MES-1 \u00e9\ud83d\ude00\r\n")).isNull();
        assertThat(InputRules.textProblem("a\ufffdb")).isEqualTo("must be valid UTF-8");
        assertThat(InputRules.decimalProblem(new BigDecimal("999999999999.999999"))).isNull();
        assertThat(InputRules.decimalProblem(new BigDecimal("1000000000000"))).isNotNull();
        assertThat(InputRules.decimalProblem(new BigDecimal("1.1234567"))).isNotNull();
        assertThat(List.of("DAY1", "L-1", "100-4471-A", "a/b.c_d")).allMatch(code -> code.matches(InputRules.CODE));
        assertThat(List.of("", "-x", "a b", "x".repeat(65))).noneMatch(code -> code.matches(InputRules.CODE));
    }

    private void assertRefused(String body, String field, String message) {
        assertThatThrownBy(() -> json.readValue(body, Plant.class)).isInstanceOf(StrictJson.BadValueException.class)
                .satisfies(e -> {
                    StrictJson.BadValueException bad = (StrictJson.BadValueException) e;
                    assertThat(bad.reason()).isEqualTo(message);
                    assertThat(bad.getPath().get(0).getFieldName()).isEqualTo(field);
                });
    }
}
