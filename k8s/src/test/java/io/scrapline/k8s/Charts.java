package io.scrapline.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

/** Renders the chart under {@code scrapline/} with given values and reads the manifests as maps. */
final class Charts {

    static final Path CHART = Path.of("scrapline");
    static final Path TEST_VALUES = Path.of("src", "test", "resources", "test-values.yaml");
    static final Path PRODUCTION_VALUES = CHART.resolve("production-values.yaml");
    static final Path KEDA_VALUES = Path.of("src", "test", "resources", "keda-values.yaml");
    static final String RELEASE = "scrapline";
    static final String NAMESPACE = "scrapline-test";
    static final List<String> SERVICES = List.of("ingest-service", "costing-service", "reporting-service",
            "alert-service");

    /*
     * helm-java's template returns the release manifest without the hooks, so the chart is rendered from a copy with
     * one more template that wraps the rendered hooks in a List, which Helm keeps in the manifest.
     */
    private static final String HOOKS_TEMPLATE = """
            apiVersion: v1
            kind: List
            metadata:
              name: rendered-hooks
            items:
              - {{ include (print $.Template.BasePath "/migration-job.yaml") . | fromYaml | toJson }}
              - {{ include (print $.Template.BasePath "/tests/test-connection.yaml") . | fromYaml | toJson }}
            """;

    private Charts() {
    }

    /** Renders with the test values, then the given values files in order, then the options. */
    static List<Map<String, Object>> render(List<Path> valuesFiles, UnaryOperator<TemplateCommand> options) {
        Path chart = copyWithHooksTemplate();
        try {
            TemplateCommand template = new Helm(chart).template().withName(RELEASE).withNamespace(NAMESPACE)
                    .withValuesFile(TEST_VALUES.toAbsolutePath());
            for (Path values : valuesFiles) {
                template = template.withValuesFile(values.toAbsolutePath());
            }
            String rendered = options.apply(template).call();
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Object document : new Yaml().loadAll(rendered)) {
                if (document == null) {
                    continue;
                }
                Map<String, Object> resource = map(document);
                if ("List".equals(resource.get("kind"))) {
                    documents.addAll(maps(resource.get("items")));
                } else {
                    documents.add(resource);
                }
            }
            return List.copyOf(documents);
        } finally {
            delete(chart);
        }
    }

    static List<Map<String, Object>> render(UnaryOperator<TemplateCommand> options) {
        return render(List.of(), options);
    }

    static String resourceName(String component) {
        return RELEASE + "-" + component;
    }

    static Map<String, Object> resource(List<Map<String, Object>> resources, String kind, String name) {
        return resources.stream().filter(resource -> kind.equals(resource.get("kind")))
                .filter(resource -> name.equals(map(resource, "metadata").get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + names(resources, kind)));
    }

    static List<String> names(List<Map<String, Object>> resources, String kind) {
        return resources.stream().filter(resource -> kind.equals(resource.get("kind")))
                .map(resource -> map(resource, "metadata").get("name").toString()).toList();
    }

    static Map<String, Object> podSpec(List<Map<String, Object>> resources, String component) {
        return map(resource(resources, "Deployment", resourceName(component)), "spec", "template", "spec");
    }

    static Map<String, Object> env(Map<String, Object> container) {
        Map<String, Object> env = new LinkedHashMap<>();
        for (Map<String, Object> variable : maps(container.get("env"))) {
            Object value = variable.containsKey("valueFrom") ? variable.get("valueFrom") : variable.get("value");
            env.put(variable.get("name").toString(), value);
        }
        return env;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            assertThat(current).as("parent of %s", key).isInstanceOf(Map.class);
            current = ((Map<String, Object>) current).get(key);
        }
        assertThat(current).as(String.join(".", path)).isInstanceOf(Map.class);
        return (Map<String, Object>) current;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object node) {
        assertThat(node).isInstanceOf(List.class);
        return (List<Map<String, Object>>) node;
    }

    private static Path copyWithHooksTemplate() {
        try {
            Path copy = Files.createTempDirectory("scrapline-chart").resolve("scrapline");
            try (Stream<Path> files = Files.walk(CHART)) {
                for (Path source : files.toList()) {
                    Files.copy(source, copy.resolve(CHART.relativize(source).toString()));
                }
            }
            Files.writeString(copy.resolve("templates").resolve("zz-rendered-hooks.yaml"), HOOKS_TEMPLATE);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path chart) {
        try (Stream<Path> files = Files.walk(chart.getParent())) {
            for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
