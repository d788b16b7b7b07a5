package io.scrapline.platform.egress;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

/**
 * The class of an outbound failure in words a tenant may see: never the remote server's text nor the address behind a
 * name, so that error messages work neither as a port scanner nor as a password oracle. The failure itself belongs in
 * the service log.
 */
public final class EgressErrors {

    public static final String CONNECTION_REFUSED = "connection refused";
    public static final String TIMED_OUT = "timed out";
    public static final String HOST_NOT_FOUND = "host not found";
    public static final String TLS_FAILED = "TLS handshake failed";
    public static final String CONNECTION_FAILED = "connection failed";

    private EgressErrors() {
    }

    public static String classOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EgressRefusedException) {
                return EgressRefusedException.MESSAGE;
            }
            if (cause instanceof UnknownHostException) {
                return HOST_NOT_FOUND;
            }
            if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException
                    || cause.getClass().getSimpleName().contains("Timeout")) {
                return TIMED_OUT;
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
                return message.contains("timed out") ? TIMED_OUT : CONNECTION_REFUSED;
            }
            if (cause instanceof SSLException) {
                return TLS_FAILED;
            }
            String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("timeout") || message.contains("timed out")) {
                return TIMED_OUT;
            }
            if (message.contains("connection refused")) {
                return CONNECTION_REFUSED;
            }
        }
        return CONNECTION_FAILED;
    }
}
