package io.scrapline.ingest.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.scrapline.ingest.config.ConnectorConfig;
import io.scrapline.ingest.domain.ConnectorSettings;
import io.scrapline.ingest.domain.ConnectorSettings.Auth;
import io.scrapline.ingest.domain.Page;
import io.scrapline.ingest.domain.RecordMapping;
import io.scrapline.ingest.domain.Target;
import io.scrapline.platform.egress.EgressPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.net.SocketAddress;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Fetches the pages of a source's REST API: a GET per page, with the cursor as a query parameter, authenticated by a
 * fixed header or by an OAuth2 access token (client credentials grant) that is kept until shortly before it expires.
 */
@ApplicationScoped
public class RestPuller {

    /** Keeps decimals exactly as the source wrote them. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** The token of one client at one token endpoint; the tenant is part of the key so tenants never share one. */
    private record TokenKey(String tenant, String tokenUrl, String clientId, String clientSecret, String scope) {
    }

    private record Token(String value, Instant refreshAt) {
    }

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final WebClient client;
    private final ConnectorConfig config;
    private final EgressPolicy egress;
    private final Map<TokenKey, Token> tokens = new ConcurrentHashMap<>();

    public RestPuller(Vertx vertx, ConnectorConfig config, EgressPolicy egress) {
        this.config = config;
        this.egress = egress;
        // Redirects are followed here, not by the client, so that each one is checked against the egress policy.
        this.client = WebClient.create(vertx,
                new WebClientOptions().setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setUserAgent("Scrapline-Connector/1").setFollowRedirects(false));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public PageSource open(String tenant, ConnectorSettings.Rest settings, Runnable onAttempt) {
        return cursor -> Retries.withRetries("GET " + settings.url() + describeCursor(settings, cursor), config.retry(),
                onAttempt, () -> fetch(tenant, settings, cursor, false));
    }

    /** One attempt at one page. A 401 with an OAuth2 token gets one more try with a fresh token. */
    private Uni<Page> fetch(String tenant, ConnectorSettings.Rest settings, String cursor, boolean freshToken) {
        Auth auth = settings.auth();
        Uni<String> bearer = auth.type().equals(Auth.OAUTH2) ? token(tenant, auth, freshToken)
                : Uni.createFrom().nullItem();
        String url = cursor == null ? settings.url()
                : settings.url() + (settings.url().contains("?") ? "&" : "?") + formEncoded(settings.cursorParam())
                        + "=" + formEncoded(cursor);
        return bearer.chain(token -> get(url, Target.of(settings.url()).origin(), request -> {
            if (auth.type().equals(Auth.HEADER)) {
                request.putHeader(auth.headerName(), auth.headerValue());
            } else if (token != null) {
                request.bearerTokenAuthentication(token);
            }
        }, egress.maxRedirects())).chain(response -> {
            if (response.statusCode() == 401 && auth.type().equals(Auth.OAUTH2) && !freshToken) {
                Log.infof("the source refused the OAuth2 token of client %s; fetching a new one", auth.clientId());
                tokens.remove(tokenKey(tenant, auth));
                return fetch(tenant, settings, cursor, true);
            }
            checkStatus(response);
            return Uni.createFrom().item(page(settings, response));
        });
    }

    /**
     * A GET of {@code url}, sent to the address the egress policy checked (the name is not looked up again), with the
     * Host header and TLS server name of the URL. Redirects are followed up to {@code redirectsLeft}, each target
     * checked like the first; credentials go only to {@code credentialOrigin}, never to another server a redirect
     * names.
     */
    private Uni<HttpResponse<Buffer>> get(String url, String credentialOrigin,
            Consumer<HttpRequest<Buffer>> credentials, int redirectsLeft) {
        Target target = Target.of(url);
        if (target == null) {
            return Uni.createFrom().failure(new PullException("a redirect leads to no http or https URL", false));
        }
        return egress.check(target.host(), target.port()).chain(destination -> {
            HttpRequest<Buffer> request = client
                    .requestAbs(HttpMethod.GET, SocketAddress.inetSocketAddress(target.port(), destination.ip()), url)
                    .timeout(config.requestTimeout().toMillis()).putHeader("Accept", "application/json");
            if (target.origin().equals(credentialOrigin)) {
                credentials.accept(request);
            }
            return request.send();
        }).chain(response -> {
            String location = response.getHeader("Location");
            if (!REDIRECTS.contains(response.statusCode()) || location == null) {
                return Uni.createFrom().item(response);
            }
            if (redirectsLeft <= 0) {
                throw new PullException("too many redirects (more than " + egress.maxRedirects() + ")", false);
            }
            String next;
            try {
                next = URI.create(url).resolve(location.strip()).toString();
            } catch (IllegalArgumentException e) {
                throw new PullException("a redirect leads to no http or https URL", false);
            }
            return get(next, credentialOrigin, credentials, redirectsLeft - 1);
        });
    }

    /** A POST of a form, to the checked address like {@link #get}; a redirect is not followed but fails. */
    private Uni<HttpResponse<Buffer>> postForm(String url, MultiMap form, Consumer<HttpRequest<Buffer>> credentials) {
        Target target = Target.of(url);
        return egress.check(target.host(), target.port()).chain(destination -> {
            HttpRequest<Buffer> request = client
                    .requestAbs(HttpMethod.POST, SocketAddress.inetSocketAddress(target.port(), destination.ip()), url)
                    .timeout(config.requestTimeout().toMillis()).putHeader("Accept", "application/json");
            credentials.accept(request);
            return request.sendForm(form);
        });
    }

    private static Page page(ConnectorSettings.Rest settings, HttpResponse<Buffer> response) {
        JsonNode body;
        try {
            body = JSON.readTree(bytes(response));
        } catch (IOException e) {
            throw new PullException("the answer is not JSON", false);
        }
        if (body == null || body.isMissingNode()) {
            throw new PullException("the answer is empty", false);
        }
        JsonNode items = body.at(settings.itemsPath());
        if (items.isMissingNode()) {
            throw new PullException("the answer has nothing at items_path " + settings.itemsPath(), false);
        }
        if (!items.isNull() && !items.isArray()) {
            throw new PullException("the answer has no list at items_path " + settings.itemsPath(), false);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        items.forEach(item -> rows.add(RecordMapping.fromJson(item, settings.fieldMap())));
        JsonNode next = body.at(settings.nextCursorPath());
        if (next.isContainerNode()) {
            throw new PullException("the answer's next_cursor_path " + settings.nextCursorPath()
                    + " holds an object or list, not a cursor", false);
        }
        String nextCursor = next.isMissingNode() || next.isNull() || next.asText().isEmpty() ? null
                : RecordMapping.text(next);
        return new Page(rows, nextCursor);
    }

    /** An access token of the client credentials grant (RFC 6749 §4.4), from the cache unless {@code fresh}. */
    private Uni<String> token(String tenant, Auth auth, boolean fresh) {
        TokenKey key = tokenKey(tenant, auth);
        Token cached = tokens.get(key);
        if (!fresh && cached != null && Instant.now().isBefore(cached.refreshAt())) {
            return Uni.createFrom().item(cached.value());
        }
        return Retries.withRetries("POST " + auth.tokenUrl(), config.retry(), () -> {
        }, () -> {
            MultiMap form = MultiMap.caseInsensitiveMultiMap().add("grant_type", "client_credentials");
            if (auth.scope() != null) {
                form.add("scope", auth.scope());
            }
            return postForm(auth.tokenUrl(), form, request -> {
                if (Auth.CLIENT_AUTH_BODY.equals(auth.clientAuth())) {
                    form.add("client_id", auth.clientId()).add("client_secret", auth.clientSecret());
                } else {
                    // RFC 6749 §2.3.1: the id and secret are form-encoded before they go into the Basic credentials.
                    request.basicAuthentication(formEncoded(auth.clientId()), formEncoded(auth.clientSecret()));
                }
            }).invoke(RestPuller::checkTokenStatus);
        }).map(response -> {
            JsonNode body;
            try {
                body = JSON.readTree(bytes(response));
            } catch (IOException e) {
                throw new PullException("the token endpoint's answer is not JSON", false);
            }
            JsonNode token = body == null ? null : body.get("access_token");
            if (token == null || !token.isTextual() || token.asText().isEmpty()) {
                throw new PullException("the token endpoint's answer has no access_token", false);
            }
            JsonNode expiresIn = body.get("expires_in");
            // Without expires_in the token is used for a minute at most; a token is refreshed shortly before expiry.
            long lifetime = expiresIn != null && expiresIn.canConvertToLong() ? expiresIn.asLong() : 60;
            Duration margin = config.tokenRefreshMargin();
            Duration keep = Duration.ofSeconds(lifetime).minus(margin);
            if (keep.isNegative()) {
                keep = Duration.ofSeconds(lifetime / 2);
            }
            tokens.put(key, new Token(token.asText(), Instant.now().plus(keep)));
            return token.asText();
        });
    }

    private static TokenKey tokenKey(String tenant, Auth auth) {
        return new TokenKey(tenant, auth.tokenUrl(), auth.clientId(), auth.clientSecret(), auth.scope());
    }

    /**
     * 2xx passes; 5xx, 429 and 408 may pass on a later attempt; any other answer fails the run. The run log gets the
     * status only: the remote's body may hold anything (its own secrets, an internal page), so it goes to the service
     * log.
     */
    private static void checkStatus(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        logBody(status, response);
        boolean again = status >= 500 || status == 429 || status == 408;
        throw new PullException("remote answered HTTP " + status, again);
    }

    /** As {@link #checkStatus}; a refusal of the client's credentials is named as such. */
    private static void checkTokenStatus(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status == 400 || status == 401 || status == 403) {
            logBody(status, response);
            throw new PullException("authentication failed (remote answered HTTP " + status + ")", false);
        }
        checkStatus(response);
    }

    private static void logBody(int status, HttpResponse<Buffer> response) {
        String body = response.bodyAsString() == null ? "" : response.bodyAsString().strip().replaceAll("\\s+", " ");
        Log.warnf("a connector's source answered HTTP %d: %s", status, body.substring(0, Math.min(500, body.length())));
    }

    private static String describeCursor(ConnectorSettings.Rest settings, String cursor) {
        return cursor == null ? "" : " with " + settings.cursorParam() + "=" + cursor;
    }

    private static byte[] bytes(HttpResponse<Buffer> response) {
        Buffer body = response.bodyAsBuffer();
        return body == null ? new byte[0] : body.getBytes();
    }

    private static String formEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
