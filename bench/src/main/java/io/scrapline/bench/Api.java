package io.scrapline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small client of the services' public REST APIs, as an OpenAPI client would call them. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String token;

    public Api(String token) {
        this.token = token;
    }

    public record Answer(int status, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        /** The answer, if its status is the expected one. */
        public Answer expect(int expected) {
            if (status != expected) {
                throw new IllegalStateException("expected HTTP " + expected + " but got " + status + ": " + body);
            }
            return this;
        }
    }

    public Answer get(String url) {
        return send(request(url).GET().build());
    }

    /** A GET asking for {@code accept}, e.g. {@code text/csv}. */
    public Answer get(String url, String accept) {
        return send(request(url).setHeader("Accept", accept).GET().build());
    }

    public Answer put(String url, Object body) {
        return send(request(url).header("Content-Type", "application/json").PUT(json(body)).build());
    }

    public Answer post(String url, Object body) {
        return send(request(url).header("Content-Type", "application/json").POST(json(body)).build());
    }

    public Answer postCsv(String url, String csv) {
        return send(request(url).header("Content-Type", "text/csv; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build());
    }

    private HttpRequest.Builder request(String url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers
                    .ofString(body instanceof String text ? text : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
