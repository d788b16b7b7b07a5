package io.scrapline.platform.json;

import java.math.BigDecimal;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.quarkus.jackson.ObjectMapperCustomizer;
import io.scrapline.platform.input.InputConfig;
import io.scrapline.platform.input.StrictJson;

/**
 * The JSON conventions of contract.md for every service: snake_case names, decimals as plain strings (money is never a
 * JSON number), ISO dates, unknown fields refused rather than silently dropped, and every string, decimal and date
 * checked by {@link StrictJson}.
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    private final InputConfig input;

    public JsonConfig(InputConfig input) {
        this.input = input;
    }

    /** Last, after Quarkus registers the Java time module, so that the checked date deserializers replace its own. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.registerModule(new StrictJson(input.years()));
    }
}
