package io.scrapline.ingest.connector;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.scrapline.ingest.connector.ConnectorSettings.Auth;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Fetches the pages of a source's REST API: a GET per page, with the cursor as a query parameter, authenticated by a
 * fixed header or by an OAuth2 access token (client credentials grant) that is kept until shortly before it expires.
 */
@ApplicationScoped
class RestPuller {

    /** Keeps decimals exactly as the source wrote them. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** The token of one client at one token endpoint; the tenant is part of the key so tenants never share one. */
    private record TokenKey(String tenant, String tokenUrl, String clientId, String clientSecret, String scope) {
    }

    private record Token(String value, Instant refreshAt) {
    }

    private final WebClient client;
    private final ConnectorConfig config;
    private final Map<TokenKey, Token> tokens = new ConcurrentHashMap<>();

    RestPuller(Vertx vertx, ConnectorConfig config) {
        this.config = config;
        this.client = WebClient.create(vertx,
                new WebClientOptions().setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setUserAgent("Scrapline-Connector/1").setFollowRedirects(true));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    PageSource open(String tenant, ConnectorSettings.Rest settings, Runnable onAttempt) {
        return cursor -> Retries.withRetries("GET " + settings.url() + describeCursor(settings, cursor), config.retry(),
                onAttempt, () -> fetch(tenant, settings, cursor, false));
    }

    /** One attempt at one page. A 401 with an OAuth2 token gets one more try with a fresh token. */
    private Uni<Page> fetch(String tenant, ConnectorSettings.Rest settings, String cursor, boolean freshToken) {
        Auth auth = settings.auth();
        Uni<String> bearer = auth.type().equals(Auth.OAUTH2) ? token(tenant, auth, freshToken)
                : Uni.createFrom().nullItem();
        return bearer.chain(token -> {
            HttpRequest<Buffer> request = client.getAbs(settings.url()).timeout(config.requestTimeout().toMillis())
                    .putHeader("Accept", "application/json");
            if (cursor != null) {
                request.addQueryParam(settings.cursorParam(), cursor);
            }
            if (auth.type().equals(Auth.HEADER)) {
                request.putHeader(auth.headerName(), auth.headerValue());
            } else if (token != null) {
                request.bearerTokenAuthentication(token);
            }
            return request.send();
        }).chain(response -> {
            if (response.statusCode() == 401 && auth.type().equals(Auth.OAUTH2) && !freshToken) {
                Log.infof("the source refused the OAuth2 token of client %s; fetching a new one", auth.clientId());
                tokens.remove(tokenKey(tenant, auth));
                return fetch(tenant, settings, cursor, true);
            }
            checkStatus(response);
            return Uni.createFrom().item(page(settings, response));
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
            HttpRequest<Buffer> request = client.postAbs(auth.tokenUrl()).timeout(config.requestTimeout().toMillis())
                    .putHeader("Accept", "application/json");
            if (Auth.CLIENT_AUTH_BODY.equals(auth.clientAuth())) {
                form.add("client_id", auth.clientId()).add("client_secret", auth.clientSecret());
            } else {
                // RFC 6749 §2.3.1: the id and secret are form-encoded before they go into the Basic credentials.
                request.basicAuthentication(formEncoded(auth.clientId()), formEncoded(auth.clientSecret()));
            }
            return request.sendForm(form).invoke(RestPuller::checkStatus);
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

    /** 2xx passes; 5xx, 429 and 408 may pass on a later attempt; any other answer fails the run. */
    private static void checkStatus(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String body = response.bodyAsString() == null ? "" : response.bodyAsString().strip().replaceAll("\\s+", " ");
        String excerpt = body.isEmpty() ? "" : ": " + body.substring(0, Math.min(200, body.length()));
        boolean again = status >= 500 || status == 429 || status == 408;
        throw new PullException("answered " + status + excerpt, again);
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
