package io.scrapline.platform.auth;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/** Production refuses to start if it would trust the demo tokens of the local run. */
@ApplicationScoped
public class DemoTokenGuard {

    /** The issuer of the tokens the local run and the tests sign with a key of their own. */
    public static final String DEMO_ISSUER = "https://demo.scrapline.local";

    void refuseDemoIssuerInProduction(@Observes StartupEvent started,
            @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer) {
        if (ConfigUtils.getProfiles().contains("prod") && issuer.filter(DEMO_ISSUER::equals).isPresent()) {
            throw new IllegalStateException("mp.jwt.verify.issuer is the demo issuer " + DEMO_ISSUER
                    + ": production must trust its identity provider, not the local demo tokens");
        }
    }
}
