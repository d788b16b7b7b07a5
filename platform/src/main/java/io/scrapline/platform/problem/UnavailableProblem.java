package io.scrapline.platform.problem;

import java.net.ConnectException;
import java.util.Set;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * The database is down, restarting or refusing connections: the request may succeed if tried again later, so it is
 * answered 503 with {@code Retry-After}, never as a server error.
 */
public class UnavailableProblem extends RuntimeException {

    /** PostgreSQL's admin shutdown, crash shutdown, cannot connect now, and too many connections. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    public UnavailableProblem(Throwable cause) {
        super("the database is not reachable", cause);
    }

    /**
     * Whether {@code failure} says the database cannot be reached now rather than that the statement is wrong: a
     * refused or lost connection, a server shutting down or starting up, or a connection exception (SQLSTATE class 08).
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof ClosedConnectionException) {
                return true;
            }
            if (cause instanceof PgException pg && pg.getSqlState() != null
                    && (UNAVAILABLE_STATES.contains(pg.getSqlState()) || pg.getSqlState().startsWith("08"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** {@code failure} as an {@link UnavailableProblem} if it is one, else unchanged. */
    public static Throwable translate(Throwable failure) {
        return failure instanceof UnavailableProblem || !isUnavailable(failure) ? failure
                : new UnavailableProblem(failure);
    }
}
