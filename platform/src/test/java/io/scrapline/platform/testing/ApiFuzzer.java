package io.scrapline.platform.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sends a corpus of hostile values to every operation of a running service, as its served OpenAPI document describes
 * them, so that a new endpoint is covered without a new test: each path and query parameter, each field of a JSON body
 * (from the document's example, else from its schema) and each column of a CSV body gets each value in turn, the rest
 * of the request left valid. Every answer must be below 500, every 4xx a problem+json document, and a refused request
 * must leave the tenant's rows as they were.
 */
public final class ApiFuzzer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLACEHOLDER = "@@fuzz-value@@";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** One hostile value: as a JSON fragment for bodies, and as raw bytes for parameters and CSV cells. */
    public record Value(String name, byte[] json, byte[] text) {

        static Value string(String name, String text) {
            try {
                return new Value(name, JSON.writeValueAsBytes(text), text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Value raw(String name, String json) {
            return new Value(name, json.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8));
        }

        static Value bytes(String name, byte[] text) {
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            json.write('"');
            json.writeBytes(text);
            json.write('"');
            return new Value(name, json.toByteArray(), text);
        }
    }

    /** The corpus: one value per kind of hostile input the security review used, for every field type. */
    public static final List<Value> CORPUS = List.of(Value.string("nul", "A\u0000B"),
            Value.bytes("raw-nul", new byte[] { 'A', 0, 'B' }),
            Value.bytes("invalid-utf8", new byte[] { 'A', (byte) 0xC3, 0x28, 'B' }),
            Value.bytes("lone-continuation", new byte[] { (byte) 0x80, 'A' }), Value.string("control", "A\u0007B"),
            Value.string("string-1mb", "x".repeat(1_000_000)), Value.string("code-10k", "C".repeat(10_000)),
            Value.raw("1e400", "1e400"), Value.raw("-1e400", "-1e400"), Value.string("string-1e400", "1e400"),
            Value.raw("NaN", "NaN"), Value.string("string-NaN", "NaN"),
            Value.raw("huge-integer", "123456789012345678901234567890"),
            Value.string("huge-decimal", "9999999999999999999.5"), Value.raw("negative", "-1"),
            Value.string("year-0000", "0000-01-01"), Value.string("year+99999", "+99999-01-01"),
            Value.string("instant-year-0000", "0000-01-01T00:00:00Z"),
            Value.string("instant-year-99999", "-99999-01-01T00:00:00Z"),
            Value.string("instant+300000", "+300000-01-01T00:00:00Z"), Value.string("period-0000", "0000-01"),
            Value.string("empty", ""), Value.raw("empty-array", "[]"), Value.raw("object", "{}"),
            Value.raw("boolean", "true"), Value.raw("number", "12"), Value.raw("null", "null"),
            Value.string("unknown-choice", "maybe"));

    /** Bodies sent whole in place of a JSON body. */
    private static final List<Value> JSON_BODIES = List.of(Value.raw("empty-body", ""), Value.raw("empty-array", "[]"),
            Value.raw("empty-object", "{}"), Value.raw("array-of-empty-object", "[{}]"), Value.raw("null", "null"),
            Value.raw("string", "\"x\""), Value.raw("truncated", "[{\"a\": "),
            Value.bytes("invalid-utf8", new byte[] { (byte) 0xC3, 0x28 }));

    /** What went wrong with one request. */
    public record Finding(String operation, String target, String value, int status, String problem) {

        @Override
        public String toString() {
            return operation + " " + target + "=" + value + " -> " + status + ": " + problem;
        }
    }

    /** What a run sent and found. */
    public record Report(int operations, int targets, int requests, Duration took, Map<Integer, Integer> statuses,
            List<Finding> findings) {

        @Override
        public String toString() {
            return operations + " operations, " + targets + " parameters and fields, " + requests + " requests in "
                    + took.toSeconds() + " s, answers " + statuses + ", " + findings.size() + " findings";
        }
    }

    private final URI base;
    private final String token;
    private final Supplier<Map<String, Long>> rows;
    private final Map<String, String> samples = new LinkedHashMap<>();
    private Predicate<String> skip = operation -> false;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Finding> findings = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new HashMap<>();
    private final Set<String> ignoredTables = new HashSet<>();
    private int requests;
    private int targets;

    /**
     * @param base
     *            the service's root, such as {@code http://localhost:8081}
     * @param token
     *            a bearer token allowed to call every operation
     * @param rows
     *            the tenant's row count per table, read as the owner
     */
    public ApiFuzzer(URI base, String token, Supplier<Map<String, Long>> rows) {
        this.base = base;
        this.token = token;
        this.rows = rows;
    }

    /** A valid value for the parameters and fields of this name, such as an existing plant. */
    public ApiFuzzer sample(String name, String value) {
        samples.put(name, value);
        return this;
    }

    /** Leaves out of the comparison of rows the tables the service writes on its own schedule, such as run logs. */
    public ApiFuzzer ignoreTables(String... tables) {
        ignoredTables.addAll(List.of(tables));
        return this;
    }

    /** Leaves out the operations ({@code "POST /api/v1/..."}) that match, such as those that reach other servers. */
    public ApiFuzzer skip(Predicate<String> operations) {
        skip = operations;
        return this;
    }

    /** Reads the served OpenAPI document and sends the corpus to every operation in it. */
    public Report run() {
        long start = System.nanoTime();
        JsonNode document = read(send("GET", base.resolve("/q/openapi?format=json"), Map.of(), null).body());
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                if (skip.test(name)) {
                    continue;
                }
                operations++;
                fuzz(document, op.getKey().toUpperCase(), path.getKey(), op.getValue());
            }
        }
        return new Report(operations, targets, requests, Duration.ofNanos(System.nanoTime() - start),
                new TreeMap<>(statuses), List.copyOf(findings));
    }

    /**
     * The tenant's rows per table, for {@code rows}: every table with a {@code tenant_id} column, counted through
     * {@code owner} (a connection as the owning role, which row-level security does not limit).
     */
    public static Supplier<Map<String, Long>> tenantRows(Connection owner, String tenant) {
        try {
            List<String> tables = new ArrayList<>();
            try (Statement statement = owner.createStatement();
                    ResultSet result = statement.executeQuery("SELECT c.table_name FROM information_schema.columns c "
                            + "JOIN information_schema.tables t USING (table_schema, table_name) "
                            + "WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' "
                            + "AND t.table_type = 'BASE TABLE' ORDER BY 1")) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
            StringBuilder sql = new StringBuilder();
            for (String table : tables) {
                sql.append(sql.isEmpty() ? "" : " UNION ALL ").append("SELECT '").append(table)
                        .append("', count(*) FROM ").append(table).append(" WHERE tenant_id = ?");
            }
            PreparedStatement count = owner.prepareStatement(sql.toString());
            for (int i = 1; i <= tables.size(); i++) {
                count.setString(i, tenant);
            }
            return () -> {
                Map<String, Long> counts = new LinkedHashMap<>();
                try (ResultSet result = count.executeQuery()) {
                    while (result.next()) {
                        counts.put(result.getString(1), result.getLong(2));
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return counts;
            };
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A connection as the owning role to the database of the running {@code @QuarkusTest}. */
    public static Connection ownerConnection() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.migration.jdbc.url", String.class),
                config.getValue("quarkus.datasource.migration.username", String.class),
                config.getOptionalValue("quarkus.datasource.migration.password", String.class).orElse(""));
    }

    private void fuzz(JsonNode document, String method, String path, JsonNode operation) {
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(parameters::add);
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, String> queryValues = new LinkedHashMap<>();
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            if (in.equals("path")) {
                pathValues.put(name, sampleText(name, resolve(document, parameter.path("schema"))));
            } else if (in.equals("query") && parameter.path("required").asBoolean()) {
                queryValues.put(name, sampleText(name, resolve(document, parameter.path("schema"))));
            }
        }
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        operation.path("requestBody").path("content").fields()
                .forEachRemaining(content -> bodies.put(content.getKey(), content.getValue()));
        String operationName = method + " " + path;
        Body baseline = bodies.isEmpty() ? null : baseline(document, bodies.entrySet().iterator().next());
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            if (!in.equals("path") && !in.equals("query")) {
                continue;
            }
            targets++;
            for (Value value : CORPUS) {
                Map<String, byte[]> pathBytes = utf8(pathValues);
                Map<String, byte[]> queryBytes = utf8(queryValues);
                (in.equals("path") ? pathBytes : queryBytes).put(name, value.text());
                check(operationName, in + " " + name, value.name(), method, uri(path, pathBytes, queryBytes),
                        baseline == null ? null : baseline.mediaType, baseline == null ? null : baseline.bytes());
            }
        }
        URI uri = uri(path, utf8(pathValues), utf8(queryValues));
        for (Map.Entry<String, JsonNode> content : bodies.entrySet()) {
            Body body = baseline(document, content);
            if (body.json != null) {
                fuzzJson(operationName, method, uri, body);
            } else if (body.mediaType.contains("csv")) {
                fuzzCsv(operationName, method, uri, body);
            }
        }
    }

    private void fuzzJson(String operation, String method, URI uri, Body body) {
        for (Value value : JSON_BODIES) {
            check(operation, "body", value.name(), method, uri, body.mediaType, value.json());
        }
        List<List<Object>> leaves = new ArrayList<>();
        leaves(body.json, new ArrayList<>(), leaves, 0);
        for (List<Object> leaf : leaves) {
            targets++;
            JsonNode copy = body.json.deepCopy();
            replace(copy, leaf, JsonNodeFactory.instance.textNode(PLACEHOLDER));
            String template = copy.toString();
            int at = template.indexOf('"' + PLACEHOLDER + '"');
            byte[] before = template.substring(0, at).getBytes(StandardCharsets.UTF_8);
            byte[] after = template.substring(at + PLACEHOLDER.length() + 2).getBytes(StandardCharsets.UTF_8);
            for (Value value : CORPUS) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                bytes.writeBytes(before);
                bytes.writeBytes(value.json());
                bytes.writeBytes(after);
                check(operation, "field " + leafName(leaf), value.name(), method, uri, body.mediaType,
                        bytes.toByteArray());
            }
        }
    }

    private void fuzzCsv(String operation, String method, URI uri, Body body) {
        String[] lines = body.text.strip().split("\r?\n");
        String header = lines[0];
        check(operation, "body", "empty-csv", method, uri, body.mediaType, new byte[0]);
        check(operation, "body", "header-only-csv", method, uri, body.mediaType,
                (header + "\n").getBytes(StandardCharsets.UTF_8));
        check(operation, "body", "blank-lines-csv", method, uri, body.mediaType,
                (header + "\n\n\n").getBytes(StandardCharsets.UTF_8));
        if (lines.length < 2) {
            return;
        }
        String[] names = header.split(",", -1);
        String[] cells = lines[1].split(",", -1);
        for (int column = 0; column < cells.length; column++) {
            targets++;
            for (Value value : CORPUS) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                bytes.writeBytes((header + "\n").getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < cells.length; i++) {
                    if (i > 0) {
                        bytes.write(',');
                    }
                    bytes.writeBytes(i == column ? value.text() : cells[i].getBytes(StandardCharsets.UTF_8));
                }
                bytes.write('\n');
                check(operation, "column " + (column < names.length ? names[column] : column), value.name(), method,
                        uri, body.mediaType, bytes.toByteArray());
            }
        }
    }

    private Map<String, Long> rows() {
        Map<String, Long> counts = new LinkedHashMap<>(rows.get());
        counts.keySet().removeAll(ignoredTables);
        return counts;
    }

    private void check(String operation, String target, String value, String method, URI uri, String mediaType,
            byte[] body) {
        Map<String, Long> before = rows();
        HttpResponse<byte[]> response;
        try {
            response = send(method, uri, mediaType == null ? Map.of() : Map.of("Content-Type", mediaType), body);
        } catch (UncheckedIOException e) {
            // Vert.x closing the connection without an answer (a request line over its limit) is a finding too.
            findings.add(new Finding(operation, target, value, 0, "no answer: " + e.getCause()));
            return;
        }
        int status = response.statusCode();
        statuses.merge(status, 1, Integer::sum);
        String problem = problemOf(response);
        if (problem == null && status >= 400 && status < 500) {
            Map<String, Long> after = rows();
            if (!after.equals(before)) {
                // A sweep of the service may have written meanwhile: a second try tells a stored refusal from that.
                before = after;
                response = send(method, uri, mediaType == null ? Map.of() : Map.of("Content-Type", mediaType), body);
                after = rows();
                if (response.statusCode() >= 400 && response.statusCode() < 500 && !after.equals(before)) {
                    problem = "refused, yet rows changed: " + changed(before, after);
                }
            }
        }
        if (problem != null) {
            findings.add(new Finding(operation, target, value, status, problem));
        }
    }

    private static String problemOf(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return "server error "
                    + new String(response.body(), 0, Math.min(200, response.body().length), StandardCharsets.UTF_8);
        }
        if (status < 400) {
            return null;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return "a " + status + " that is not problem+json but '" + type + "'";
        }
        try {
            JsonNode document = JSON.readTree(response.body());
            if (document.path("status").asInt() != status || !document.hasNonNull("title")) {
                return "a problem document without the status and title: " + document;
            }
        } catch (IOException e) {
            return "a problem document that is not JSON";
        }
        return null;
    }

    private static String changed(Map<String, Long> before, Map<String, Long> after) {
        StringBuilder changed = new StringBuilder();
        after.forEach((table, count) -> {
            if (!Objects.equals(before.get(table), count)) {
                changed.append(table).append(' ').append(before.get(table)).append("->").append(count).append(' ');
            }
        });
        return changed.toString().strip();
    }

    private HttpResponse<byte[]> send(String method, URI uri, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json;q=0.9, */*;q=0.8")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        requests++;
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Body(String mediaType, JsonNode json, String text) {

        byte[] bytes() {
            return (json != null ? json.toString() : text).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A valid body: the document's first example, else one made from the schema. */
    private Body baseline(JsonNode document, Map.Entry<String, JsonNode> content) {
        String mediaType = content.getKey();
        JsonNode example = null;
        for (Iterator<JsonNode> examples = content.getValue().path("examples").elements(); examples.hasNext()
                && example == null;) {
            JsonNode value = examples.next().get("value");
            if (value != null) {
                example = value;
            }
        }
        if (example == null) {
            example = content.getValue().get("example");
        }
        if (mediaType.contains("json")) {
            JsonNode json = example;
            if (json != null && json.isTextual()) {
                try {
                    json = JSON.readTree(json.asText());
                } catch (IOException e) {
                    json = null;
                }
            }
            if (json == null || json.isMissingNode() || json.isNull()) {
                json = fromSchema(document, content.getValue().path("schema"), null, 0);
            }
            return new Body(mediaType, json, null);
        }
        return new Body(mediaType, null, example == null ? "" : example.asText());
    }

    private JsonNode fromSchema(JsonNode document, JsonNode schema, String name, int depth) {
        schema = resolve(document, schema);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (name != null && samples.containsKey(name)) {
            return nodes.textNode(samples.get(name));
        }
        String type = schema.path("type").asText("");
        if (schema.has("properties") || type.equals("object")) {
            ObjectNode object = nodes.objectNode();
            if (depth < 4) {
                schema.path("properties").fields().forEachRemaining(property -> object.set(property.getKey(),
                        fromSchema(document, property.getValue(), property.getKey(), depth + 1)));
            }
            return object;
        }
        return switch (type) {
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                if (depth < 4) {
                    array.add(fromSchema(document, schema.path("items"), name, depth + 1));
                }
                yield array;
            }
            case "integer" -> nodes.numberNode(1);
            case "number" -> nodes.numberNode(1);
            case "boolean" -> nodes.booleanNode(true);
            default -> nodes.textNode(sampleText(name, schema));
        };
    }

    private String sampleText(String name, JsonNode schema) {
        if (name != null && samples.containsKey(name)) {
            return samples.get(name);
        }
        if (schema.has("enum") && schema.path("enum").size() > 0) {
            return schema.path("enum").get(0).asText();
        }
        return switch (schema.path("format").asText("")) {
            case "date" -> "2026-10-14";
            case "date-time" -> "2026-10-14T09:30:00Z";
            case "uuid" -> "0b9f6f0e-7a38-4b8e-9a43-2f7e9f1c2d11";
            case "int32", "int64" -> "1";
            default -> schema.path("type").asText("").equals("integer") ? "1" : "FUZZ";
        };
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        for (int hops = 0; schema.has("$ref") && hops < 10; hops++) {
            String ref = schema.path("$ref").asText();
            schema = document.at(ref.substring(1));
        }
        if (schema.has("allOf") && schema.path("allOf").size() == 1) {
            return resolve(document, schema.path("allOf").get(0));
        }
        return schema;
    }

    /** The paths of the values to replace: every field of every object, and the first element of every array. */
    private static void leaves(JsonNode node, List<Object> path, List<List<Object>> leaves, int depth) {
        if (depth > 4) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                List<Object> at = new ArrayList<>(path);
                at.add(field.getKey());
                leaves.add(at);
                if (field.getValue().isContainerNode()) {
                    leaves(field.getValue(), at, leaves, depth + 1);
                }
            });
        } else if (node.isArray() && node.size() > 0) {
            List<Object> at = new ArrayList<>(path);
            at.add(0);
            leaves(node.get(0), at, leaves, depth + 1);
        }
    }

    private static void replace(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    private static String leafName(List<Object> path) {
        StringBuilder name = new StringBuilder();
        for (Object step : path) {
            name.append(step instanceof Integer index ? "[" + index + "]" : (name.isEmpty() ? "" : ".") + step);
        }
        return name.toString();
    }

    private static Map<String, byte[]> utf8(Map<String, String> values) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        values.forEach((name, value) -> bytes.put(name, value.getBytes(StandardCharsets.UTF_8)));
        return bytes;
    }

    private URI uri(String template, Map<String, byte[]> path, Map<String, byte[]> query) {
        String uri = template;
        for (Map.Entry<String, byte[]> parameter : path.entrySet()) {
            uri = uri.replace("{" + parameter.getKey() + "}", encode(parameter.getValue()));
        }
        StringBuilder full = new StringBuilder(uri);
        char separator = '?';
        for (Map.Entry<String, byte[]> parameter : query.entrySet()) {
            full.append(separator).append(encode(parameter.getKey().getBytes(StandardCharsets.UTF_8))).append('=')
                    .append(encode(parameter.getValue()));
            separator = '&';
        }
        return base.resolve(full.toString());
    }

    /** Percent-encodes every byte that is not unreserved, so invalid UTF-8 and NUL reach the server as they are. */
    private static String encode(byte[] bytes) {
        StringBuilder encoded = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            }
        }
        return encoded.toString();
    }

    private static JsonNode read(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
