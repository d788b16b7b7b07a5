package io.scrapline.platform.problem;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.scrapline.platform.input.StrictJson;
import io.scrapline.platform.secrets.SecretBox;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Turns each kind of failure into a problem+json answer. Deliberately no catch-all: an unexpected exception stays a
 * plain 500 without class names or stack traces.
 */
public class ProblemMappers {

    private static final Pattern LIST_INDEX = Pattern.compile("\\[(\\d+)\\]");

    /** How long a client should wait before trying again while the database is unreachable. */
    private static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e) {
        return problem(Problem.invalid(e.getMessage(), e.errors()));
    }

    /** Bean Validation failures: the row is the list index (from 1) when the body is a list. */
    @ServerExceptionMapper
    public Response violated(ConstraintViolationException e) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String path = violation.getPropertyPath().toString();
            Matcher index = LIST_INDEX.matcher(path);
            Integer row = index.find() ? Integer.parseInt(index.group(1)) + 1 : null;
            String leaf = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[.*", "");
            errors.add(new FieldError(row, snakeCase(leaf), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::row, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(FieldError::field));
        return problem(Problem.invalid("the request is invalid", errors));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundProblem e) {
        return problem(Problem.of("not-found", "Not found", 404, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response conflict(ConflictProblem e) {
        return problem(Problem.of("conflict", "Conflict", 409, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response tooLarge(TooLargeProblem e) {
        return problem(Problem.of("too-large", "Payload too large", 413, e.getMessage()));
    }

    /** A body that is JSON but not of the expected shape: an unknown field, or a value of the wrong type. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        String message = e instanceof UnrecognizedPropertyException ? "unknown field" : "has the wrong type";
        return problem(Problem.invalid("the request body does not have the expected shape",
                List.of(fieldError(e.getPath(), "", message))));
    }

    /** A string or decimal that {@link StrictJson} refuses: a NUL or control character, or too many digits. */
    @ServerExceptionMapper
    public Response badValue(StrictJson.BadValueException e) {
        return problem(Problem.invalid("the request has invalid values",
                List.of(fieldError(e.getPath(), e.inner(), e.reason()))));
    }

    /**
     * The error at a JSON path: the field is the path's names joined by dots (then {@code inner}, or {@code body} when
     * both are empty), the row the first list index, from 1.
     */
    private static FieldError fieldError(List<JsonMappingException.Reference> path, String inner, String message) {
        Integer row = null;
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (row == null && reference.getIndex() >= 0) {
                row = reference.getIndex() + 1;
            }
        }
        field.append(inner);
        return new FieldError(row, field.isEmpty() ? "body" : field.toString(), message);
    }

    /**
     * JSON that cannot be read as a value: a number too large for its field, bytes that are not UTF-8, or a raw control
     * character in a string are 422 naming the field being read; any other syntax error is 400.
     */
    @ServerExceptionMapper
    public Response unreadableValue(StreamReadException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String reason = e instanceof InputCoercionException ? "is out of range for its type"
                : message.startsWith("Invalid UTF-8") ? "must be valid UTF-8"
                        : message.startsWith("Illegal unquoted character") ? "must not contain control characters"
                                : null;
        JsonParser parser = e.getProcessor();
        if (reason == null || parser == null) {
            return unreadable(e);
        }
        Integer row = null;
        String field = null;
        for (JsonStreamContext context = parser.getParsingContext(); context != null; context = context.getParent()) {
            if (context.inObject() && context.getCurrentName() != null) {
                field = field == null ? context.getCurrentName() : context.getCurrentName() + "." + field;
            } else if (context.inArray() && context.getParent() != null && context.getParent().inRoot()) {
                row = context.getCurrentIndex() + 1;
            }
        }
        return problem(Problem.invalid("the request has invalid values",
                List.of(new FieldError(row, field == null ? "body" : field, reason))));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return problem(Problem.of("unreadable-body", "Unreadable body", 400, "the body is not valid JSON" + where));
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized() {
        return Response
                .fromResponse(
                        problem(Problem.of("unauthorized", "Unauthorized", 401, "a valid bearer token is required")))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** A plant or line outside the token's scope: 403, naming it (and every such row of a body). */
    @ServerExceptionMapper
    public Response outOfScope(OutOfScopeProblem e) {
        return problem(new Problem(Problem.TYPE_BASE + "out-of-scope", "Outside the token's scope", 403, e.getMessage(),
                e.errors()));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        String detail = e.getMessage() == null ? "the token's roles do not allow this" : e.getMessage();
        return problem(Problem.of("forbidden", "Forbidden", 403, detail));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return problem(Problem.of("http-" + status.getStatusCode(), status.getReasonPhrase(), status.getStatusCode(),
                e.getMessage()));
    }

    /** The database is down or restarting: worth trying again shortly, so 503 with {@code Retry-After}. */
    @ServerExceptionMapper
    public Response unavailable(UnavailableProblem e) {
        return unavailableResponse();
    }

    /**
     * A refused connection to the database, outside the tenant transactions that turn it into an UnavailableProblem.
     */
    @ServerExceptionMapper
    public Response connectionRefused(ConnectException e) {
        return unavailableResponse();
    }

    /** A database connection lost mid-request (the server restarted), outside the tenant transactions. */
    @ServerExceptionMapper
    public Response connectionClosed(ClosedConnectionException e) {
        return unavailableResponse();
    }

    /** A stored secret the configured keys cannot open; the message (which names the key id) goes to the log only. */
    @ServerExceptionMapper
    public Response unopenableSecret(SecretBox.UnopenableSecret e) {
        Log.errorf("%s: restore its key to scrapline.secrets.keys", e.getMessage());
        return unavailableResponse(
                "a stored secret of this request cannot be read just now; the operator has been told");
    }

    private static Response unavailableResponse() {
        return unavailableResponse("the service cannot reach its database just now; try again shortly");
    }

    private static Response unavailableResponse(String detail) {
        return Response.fromResponse(problem(Problem.of("unavailable", "Service unavailable", 503, detail)))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    public static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
