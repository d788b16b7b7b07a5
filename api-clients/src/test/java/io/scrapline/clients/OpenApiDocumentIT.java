package io.scrapline.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;

/**
 * What a client generator and a reader of the four documents rely on, beyond what openapi-generator's own validation
 * (run by this module's build) checks: every example is valid against the schema it illustrates, every operation has a
 * unique operationId, the document names a server and carries the project's version.
 */
class OpenApiDocumentIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(OpenApi31.getInstance())
                    .defaultMetaSchemaIri(OpenApi31.getInstance().getIri()));
    private static final SchemaValidatorsConfig VALIDATION = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    static Stream<String> services() {
        return Stream.of("ingest", "costing", "reporting", "alert");
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyExampleIsValidAgainstItsSchema(String service) throws IOException {
        JsonNode document = document(service);
        List<String> invalid = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        walk(document, document, "", invalid, checked);
        assertThat(checked).as("examples found in the %s document", service).isNotEmpty();
        assertThat(invalid).as("examples of the %s document that do not match their schema", service).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyOperationHasAUniqueOperationIdAndDescribedResponses(String service) throws IOException {
        JsonNode document = document(service);
        List<String> missing = new ArrayList<>();
        List<String> undescribed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!METHODS.contains(operation.getKey())) {
                return;
            }
            String name = operation.getKey().toUpperCase() + " " + path.getKey();
            String id = operation.getValue().path("operationId").asText("");
            if (id.isBlank()) {
                missing.add(name);
            } else if (!seen.add(id)) {
                duplicates.add(id);
            }
            operation.getValue().path("responses").properties().forEach(response -> {
                if (response.getValue().path("description").asText("").isBlank()) {
                    undescribed.add(name + " " + response.getKey());
                }
            });
        }));
        assertThat(seen).as("operationIds of the %s document", service).isNotEmpty();
        assertThat(missing).as("operations without an operationId").isEmpty();
        assertThat(duplicates).as("operationIds used twice").isEmpty();
        assertThat(undescribed).as("responses without a description").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("services")
    void namesAServerAndTheProjectVersion(String service) throws IOException {
        JsonNode document = document(service);
        assertThat(document.path("servers").size()).as("servers of the %s document", service).isPositive();
        document.path("servers").forEach(server -> assertThat(server.path("url").asText()).matches("https?://.+"));
        assertThat(document.at("/info/version").asText()).isEqualTo(System.getProperty("project.version")).isNotBlank();
        assertThat(document.at("/info/title").asText()).isEqualTo(service + "-service API");
    }

    /**
     * Checks every example below {@code node}: a media type's or parameter's {@code example} and {@code examples}
     * against its {@code schema}, and a schema's own {@code examples} against the schema.
     */
    private static void walk(JsonNode document, JsonNode node, String pointer, List<String> invalid,
            List<String> checked) {
        if (node.isObject()) {
            JsonNode schema = node.get("schema");
            if (pointer.matches(".*/content/[^/]+") && (node.has("example") || node.path("examples").isObject())
                    && (schema == null || !schema.isObject())) {
                invalid.add(pointer + ": examples without a schema to check them against");
            }
            if (schema != null && schema.isObject()) {
                if (node.has("example")) {
                    check(document, schema, node.get("example"), pointer + "/example", invalid, checked);
                }
                if (node.path("examples").isObject()) {
                    node.get("examples").properties().forEach(example -> {
                        if (example.getValue().has("value")) {
                            check(document, schema, example.getValue().get("value"),
                                    pointer + "/examples/" + example.getKey(), invalid, checked);
                        }
                    });
                }
            }
            if (node.path("examples").isArray()) {
                int i = 0;
                for (JsonNode example : node.get("examples")) {
                    check(document, node, example, pointer + "/examples/" + i++, invalid, checked);
                }
            }
            node.properties().forEach(child -> walk(document, child.getValue(),
                    pointer + "/" + child.getKey().replace("~", "~0").replace("/", "~1"), invalid, checked));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(document, node.get(i), pointer + "/" + i, invalid, checked);
            }
        }
    }

    private static void check(JsonNode document, JsonNode schema, JsonNode example, String pointer,
            List<String> invalid, List<String> checked) {
        // The schema with the document's components beside it, so that its #/components/... references resolve.
        ObjectNode resolvable = schema.deepCopy();
        resolvable.remove("examples");
        resolvable.set("components", document.path("components"));
        Set<ValidationMessage> errors = SCHEMAS
                .getSchema(SchemaLocation.of("urn:scrapline:example:" + checked.size()), resolvable, VALIDATION)
                .validate(example);
        checked.add(pointer);
        errors.forEach(error -> invalid.add(pointer + ": " + error.getMessage()));
    }

    private static JsonNode document(String service) throws IOException {
        String location = System.getProperty("openapi." + service);
        assertThat(location).as("the path of the %s document (set by the build)", service).isNotBlank();
        return JSON.readTree(Path.of(location).toFile());
    }
}
