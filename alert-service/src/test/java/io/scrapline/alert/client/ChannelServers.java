package io.scrapline.alert.client;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The real servers the channels talk to in tests: a GreenMail SMTP server and a WireMock HTTP server that plays both
 * the webhook receivers and the SMS provider. WireMock listens on 127.0.0.2, the one address the test profile's egress
 * policy allows; both take free ports, so tests of other modules or worktrees running at the same time do not clash. A
 * test may stop the SMTP server and start it again on the same port.
 */
public class ChannelServers implements QuarkusTestResourceLifecycleManager {

    public static final String ALLOWED_HOST = "127.0.0.2";
    public static final String SMS_ACCOUNT = "AC00000000000000000000000000000001";
    public static final String SMS_TOKEN = "sms-token-5b1f";
    public static final String SMS_FROM = "+15005550006";

    /** Marks a test's {@link GreenMail} field to receive the SMTP server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Smtp {
    }

    /** Marks a test's {@link WireMockServer} field to receive the HTTP server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Http {
    }

    private GreenMail smtp;
    private WireMockServer http;

    /** The test profile that starts these servers and points the mailer and the SMS provider at them. */
    public static class Profile implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ChannelServers.class));
        }
    }

    @Override
    public Map<String, String> start() {
        // A fixed free port rather than a dynamic one, so that a test can stop the server and start it again where
        // the mailer expects it (an outage).
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        http = new WireMockServer(options().dynamicPort().bindAddress(ALLOWED_HOST));
        http.start();
        return Map.of("quarkus.mailer.mock", "false", "quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port",
                String.valueOf(smtp.getSmtp().getPort()), "scrapline.alert.sms.base-url",
                "http://" + ALLOWED_HOST + ":" + http.port(), "scrapline.alert.sms.account-sid", SMS_ACCOUNT,
                "scrapline.alert.sms.auth-token", SMS_TOKEN, "scrapline.alert.sms.from", SMS_FROM,
                "scrapline.alert.webhook.timeout", "2s");
    }

    /** Into the test instance: the servers live in the resource, which the test does not share a class loader with. */
    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(smtp, new TestInjector.AnnotatedAndMatchesType(Smtp.class, GreenMail.class));
        injector.injectIntoFields(http, new TestInjector.AnnotatedAndMatchesType(Http.class, WireMockServer.class));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (http != null) {
            http.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }
}
