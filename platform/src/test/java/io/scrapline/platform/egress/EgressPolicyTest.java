package io.scrapline.platform.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.scrapline.platform.egress.EgressPolicy.OwnEndpoint;

/** The policy's decisions on real name lookups of this host (localhost resolves through /etc/hosts). */
class EgressPolicyTest {

    private static EgressConfig config(List<String> allow, List<String> deny) {
        return new EgressConfig() {
            @Override
            public Optional<List<String>> allow() {
                return Optional.of(allow);
            }

            @Override
            public Optional<List<String>> deny() {
                return Optional.of(deny);
            }

            @Override
            public Duration resolveTimeout() {
                return Duration.ofSeconds(5);
            }

            @Override
            public int maxRedirects() {
                return 5;
            }
        };
    }

    private static EgressPolicy policy(List<String> allow, List<OwnEndpoint> own) {
        return new EgressPolicy(config(allow, List.of()), null, own);
    }

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "localhost", "LOCALHOST.", "[::1]", "::1", "2130706433", "0x7f.1", "127.1",
            "0177.0.0.1", "0x7f000001", "0.0.0.0", "0", "[::]", "::ffff:127.0.0.1", "[::ffff:7f00:1]",
            "[::ffff:169.254.169.254]", "169.254.169.254", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "100.64.0.1", "100.127.255.254", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1", "224.0.0.1",
            "239.255.255.250", "255.255.255.255", "240.0.0.1", "64:ff9b::7f00:1", "2002:7f00:1::", "192.0.2.10" })
    void refusesLoopbackPrivateLinkLocalUniqueLocalMulticastAndUnspecifiedInAnySpelling(String host) {
        assertThatThrownBy(() -> policy(List.of(), List.of()).checkNow(host, 80))
                .isInstanceOf(EgressRefusedException.class).hasMessage("address not allowed by egress policy");
    }

    @ParameterizedTest
    @ValueSource(strings = { "999.1.1.1", "1.2.3.4.5", "0x1ffffffff", "256.1", "fe80::1%eth0", "1::2::3", "a b",
            "exa_mple..com", "" })
    void refusesHostsThatAreNeitherANameNorAnAddress(String host) {
        assertThatThrownBy(() -> policy(List.of(), List.of()).checkNow(host, 80))
                .isInstanceOf(EgressRefusedException.class);
    }

    @Test
    void permitsPublicAddressesAndConnectsToTheCheckedOne() {
        Destination destination = policy(List.of(), List.of()).checkNow("93.184.215.14", 443);
        assertThat(destination.ip()).isEqualTo("93.184.215.14");
        assertThat(destination.port()).isEqualTo(443);
        assertThat(policy(List.of(), List.of()).checkNow("2606:4700::1111", 443).ip())
                .isEqualTo("2606:4700:0:0:0:0:0:1111");
        assertThat(policy(List.of(), List.of()).checkNow("134744072", 53).ip()).isEqualTo("8.8.8.8");
    }

    @Test
    void theAllowListPermitsItsBlockAndPortOnly() {
        EgressPolicy policy = policy(List.of("127.0.0.2/32", "10.20.0.0/16:5432", "[fd00:1::/64]:443"), List.of());
        assertThat(policy.checkNow("127.0.0.2", 8080).ip()).isEqualTo("127.0.0.2");
        assertThat(policy.checkNow("10.20.3.4", 5432).ip()).isEqualTo("10.20.3.4");
        assertThat(policy.checkNow("fd00:1::5", 443).ip()).isEqualTo("fd00:1:0:0:0:0:0:5");
        for (String[] refused : new String[][] { { "127.0.0.1", "8080" }, { "localhost", "8080" },
                { "10.20.3.4", "5433" }, { "10.21.0.1", "5432" }, { "fd00:1::5", "80" } }) {
            assertThatThrownBy(() -> policy.checkNow(refused[0], Integer.parseInt(refused[1])))
                    .as(String.join(":", refused)).isInstanceOf(EgressRefusedException.class);
        }
    }

    @Test
    void thePlatformsOwnDatabaseAndServicesAreRefusedEvenWhenAllowListed() {
        List<OwnEndpoint> own = EgressPolicy.fromUrl("postgresql://127.0.0.2:5432,db.internal:5433/scrapline");
        assertThat(own).containsExactly(new OwnEndpoint("127.0.0.2", 5432), new OwnEndpoint("db.internal", 5433));
        EgressPolicy policy = policy(List.of("127.0.0.0/8"), own);
        assertThatThrownBy(() -> policy.checkNow("127.0.0.2", 5432)).isInstanceOf(EgressRefusedException.class)
                .satisfies(e -> assertThat(((EgressRefusedException) e).detail()).contains("own endpoint"));
        assertThat(policy.checkNow("127.0.0.2", 5433).ip()).isEqualTo("127.0.0.2");
        // The service itself, on any of this host's addresses.
        EgressPolicy self = policy(List.of("127.0.0.0/8"), List.of(new OwnEndpoint(null, 8081)));
        assertThatThrownBy(() -> self.checkNow("127.0.0.3", 8081)).isInstanceOf(EgressRefusedException.class);
    }

    @Test
    void theDenyListWinsOverTheAllowList() {
        EgressPolicy policy = new EgressPolicy(config(List.of("10.0.0.0/8"), List.of("10.9.0.0/16")), null, List.of());
        assertThat(policy.checkNow("10.8.0.1", 80).ip()).isEqualTo("10.8.0.1");
        assertThatThrownBy(() -> policy.checkNow("10.9.0.1", 80)).isInstanceOf(EgressRefusedException.class);
        assertThatThrownBy(
                () -> new EgressPolicy(config(List.of(), List.of("8.8.8.8")), null, List.of()).checkNow("8.8.8.8", 53))
                        .isInstanceOf(EgressRefusedException.class);
    }

    @Test
    void readsTheOwnEndpointsOfDatasourceAndRestClientUrls() {
        assertThat(EgressPolicy.fromUrl("jdbc:postgresql://db:6543/x?sslmode=require"))
                .containsExactly(new OwnEndpoint("db", 6543));
        assertThat(EgressPolicy.fromUrl("vertx-reactive:postgresql://user:pw@[::1]/x"))
                .containsExactly(new OwnEndpoint("[::1]", 5432));
        assertThat(EgressPolicy.fromUrl("http://scrapline-costing-service:8082"))
                .containsExactly(new OwnEndpoint("scrapline-costing-service", 8082));
        assertThat(EgressPolicy.fromUrl("https://alerts.internal"))
                .containsExactly(new OwnEndpoint("alerts.internal", 443));
    }

    @Test
    void parsesEveryNumericSpellingOfAnAddress() {
        assertThat(HostLiteral.parse("2130706433").getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(HostLiteral.parse("0x7f.1").getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(HostLiteral.parse("127.1").getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(HostLiteral.parse("0177.0.0.01").getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(HostLiteral.parse("10.1.258").getHostAddress()).isEqualTo("10.1.1.2");
        assertThat(HostLiteral.parse("[::ffff:a9fe:a9fe]").getHostAddress()).isEqualTo("169.254.169.254");
        assertThat(HostLiteral.parse("mes.example.com")).isNull();
        assertThat(HostLiteral.parse("1e100.net")).isNull();
    }

    @Test
    void classifiesFailuresWithoutTheirText() {
        assertThat(EgressErrors.classOf(new java.net.ConnectException("Connection refused: /10.0.0.7:5432")))
                .isEqualTo("connection refused");
        assertThat(EgressErrors.classOf(new java.util.concurrent.TimeoutException("after 30000 ms")))
                .isEqualTo("timed out");
        assertThat(EgressErrors.classOf(new java.net.UnknownHostException("secret.internal")))
                .isEqualTo("host not found");
        assertThat(EgressErrors.classOf(new RuntimeException("wrapped", new EgressRefusedException("127.0.0.1"))))
                .isEqualTo("address not allowed by egress policy");
        assertThat(EgressErrors.classOf(new IllegalStateException("password=hunter2"))).isEqualTo("connection failed");
    }
}
