package io.scrapline.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/** Which database failures are an outage (503, try again) rather than a fault of the request or the code. */
class UnavailableProblemTest {

    @Test
    void aServerShuttingDownOrStartingUpIsAnOutage() {
        assertThat(UnavailableProblem.isUnavailable(pg("57P01"))).as("admin shutdown").isTrue();
        assertThat(UnavailableProblem.isUnavailable(pg("57P02"))).as("crash shutdown").isTrue();
        assertThat(UnavailableProblem.isUnavailable(pg("57P03"))).as("cannot connect now").isTrue();
        assertThat(UnavailableProblem.isUnavailable(pg("53300"))).as("too many connections").isTrue();
        assertThat(UnavailableProblem.isUnavailable(pg("08006"))).as("connection failure").isTrue();
        assertThat(UnavailableProblem.isUnavailable(pg("08001"))).as("cannot establish").isTrue();
    }

    @Test
    void aRefusedOrLostConnectionIsAnOutageEvenWrapped() {
        assertThat(UnavailableProblem.isUnavailable(new ConnectException("Connection refused"))).isTrue();
        assertThat(UnavailableProblem.isUnavailable(ClosedConnectionException.INSTANCE)).isTrue();
        assertThat(UnavailableProblem.isUnavailable(new CompletionException(new ConnectException("refused")))).isTrue();
    }

    @Test
    void aBadStatementOrABugIsNot() {
        assertThat(UnavailableProblem.isUnavailable(pg("23505"))).as("unique violation").isFalse();
        assertThat(UnavailableProblem.isUnavailable(pg("22003"))).as("numeric out of range").isFalse();
        assertThat(UnavailableProblem.isUnavailable(pg("42501"))).as("permission denied").isFalse();
        assertThat(UnavailableProblem.isUnavailable(new IllegalStateException("bug"))).isFalse();
        assertThat(UnavailableProblem.translate(new IllegalStateException("bug")))
                .isExactlyInstanceOf(IllegalStateException.class);
        assertThat(UnavailableProblem.translate(pg("57P01"))).isInstanceOf(UnavailableProblem.class);
    }

    private static PgException pg(String sqlState) {
        return new PgException("message", "FATAL", sqlState, null);
    }
}
