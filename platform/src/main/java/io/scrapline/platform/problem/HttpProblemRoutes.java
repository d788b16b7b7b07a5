package io.scrapline.platform.problem;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.scrapline.platform.input.HttpLimitsConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The refusals that happen before RESTEasy sees a request, answered with problem+json like every other error: a URI too
 * long (414), headers too large (431), a declared body over {@code quarkus.http.limits.max-body-size} (413), a path no
 * endpoint serves (404), and any other 4xx failure of the router.
 */
@ApplicationScoped
public class HttpProblemRoutes {

    private static final Map<Integer, String> TITLES = Map.of(400, "Bad Request", 404, "Not Found", 405,
            "Method Not Allowed", 406, "Not Acceptable", 413, "Payload too large", 414, "URI Too Long", 415,
            "Unsupported Media Type", 431, "Request Header Fields Too Large");

    private final HttpLimitsConfig limits;
    private final Optional<MemorySize> maxBodySize;
    private final ObjectMapper json;

    public HttpProblemRoutes(HttpLimitsConfig limits,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
            ObjectMapper json) {
        this.limits = limits;
        this.maxBodySize = maxBodySize;
        this.json = json;
    }

    void routes(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::checkLimits);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
        router.route().order(Integer.MAX_VALUE).handler(context -> end(context, 404,
                "no endpoint serves " + context.request().method() + " " + context.request().path()));
    }

    private void checkLimits(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > limits.maxUriLength()) {
            end(context, 414, "the request URI is longer than " + limits.maxUriLength() + " characters");
            return;
        }
        long headerSize = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerSize += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerSize > limits.maxHeaderSize()) {
            end(context, 431, "the request's headers are larger than " + limits.maxHeaderSize() + " bytes");
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && maxBodySize.isPresent()) {
            long max = maxBodySize.get().asLongValue();
            try {
                if (Long.parseLong(length.strip()) > max) {
                    context.response().putHeader(HttpHeaders.CONNECTION, "close");
                    end(context, 413, "the body is larger than " + max + " bytes");
                    return;
                }
            } catch (NumberFormatException e) {
                end(context, 400, "the Content-Length header is not a number");
                return;
            }
        }
        context.next();
    }

    private void failed(RoutingContext context) {
        int status = context.statusCode();
        if (status >= 400 && status < 500 && !context.response().headWritten()) {
            end(context, status, TITLES.getOrDefault(status, "Client error").toLowerCase());
        } else {
            context.next();
        }
    }

    private void end(RoutingContext context, int status, String detail) {
        Problem problem = Problem.of("http-" + status, TITLES.getOrDefault(status, "Client error"), status, detail);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
    }
}
