package io.scrapline.alert.service;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The real servers a distribution talks to in tests: a GreenMail SMTP server, and a WireMock HTTP server standing in
 * for reporting-service, which serves the reports' bytes. Both take free ports, so tests of other modules or worktrees
 * running at the same time do not clash.
 */
public class DistributionServers implements QuarkusTestResourceLifecycleManager {

    /** Marks a test's {@link GreenMail} field to receive the SMTP server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Smtp {
    }

    /** Marks a test's {@link WireMockServer} field to receive reporting's stand-in. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Reporting {
    }

    /** The test profile that starts these servers and points the mailer and the report client at them. */
    public static class Profile implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DistributionServers.class));
        }
    }

    private GreenMail smtp;
    private WireMockServer reporting;

    @Override
    public Map<String, String> start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        reporting = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        reporting.start();
        return Map.of("quarkus.mailer.mock", "false", "quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port",
                String.valueOf(smtp.getSmtp().getPort()), "quarkus.rest-client.reporting.url",
                "http://127.0.0.1:" + reporting.port());
    }

    /** Into the test instance: the servers live in the resource, which the test does not share a class loader with. */
    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(smtp, new TestInjector.AnnotatedAndMatchesType(Smtp.class, GreenMail.class));
        injector.injectIntoFields(reporting,
                new TestInjector.AnnotatedAndMatchesType(Reporting.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (reporting != null) {
            reporting.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }
}
