package io.scrapline.platform.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} a fresh database: an embedded PostgreSQL, unless the standard datasource settings are in
 * the environment, in which case that server is used. Also makes the service trust {@link TestTokens} and sign and
 * verify prompts with {@link TestServiceTokens}.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>(TestTokens.get().quarkusConfig());
        config.putAll(TestServiceTokens.get().quarkusConfig());
        if (System.getenv("QUARKUS_DATASOURCE_REACTIVE_URL") == null) {
            database = EmbeddedDatabase.start();
            config.putAll(database.quarkusConfig());
        }
        return config;
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
