package io.scrapline.k8s;

import static io.scrapline.k8s.Charts.KEDA_VALUES;
import static io.scrapline.k8s.Charts.PRODUCTION_VALUES;
import static io.scrapline.k8s.Charts.map;
import static io.scrapline.k8s.Charts.maps;
import static io.scrapline.k8s.Charts.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/** Every object the chart renders, with the default, production and KEDA values, validates against its API schema. */
class ManifestSchemaTest {

    @ParameterizedTest
    @ValueSource(strings = { "default", "production", "keda" })
    void everyRenderedObjectValidates(String values) {
        List<Path> files = switch (values) {
            case "production" -> List.of(PRODUCTION_VALUES);
            case "keda" -> List.of(KEDA_VALUES);
            default -> List.of();
        };
        List<Map<String, Object>> manifests = render(files, UnaryOperator.identity());

        assertThat(manifests).hasSizeGreaterThanOrEqualTo(10);
        assertThat(manifests).flatMap(KubernetesSchemas::problems).isEmpty();
    }

    @Test
    void productionAndKedaRenderTheKindsTheyAddSoTheValidationAbovePassesOverThem() {
        List<String> production = kinds(render(List.of(PRODUCTION_VALUES), UnaryOperator.identity()));
        List<String> keda = kinds(render(List.of(KEDA_VALUES), UnaryOperator.identity()));

        assertThat(production).contains("NetworkPolicy", "Ingress", "ServiceMonitor", "HorizontalPodAutoscaler",
                "PodDisruptionBudget");
        assertThat(keda).contains("ScaledObject");
    }

    @Test
    void aMisspelledOrMistypedFieldIsReported() {
        List<Map<String, Object>> manifests = render(List.of(KEDA_VALUES), UnaryOperator.identity());
        Map<String, Object> deployment = copy(
                Charts.resource(manifests, "Deployment", Charts.resourceName("costing-service")));
        Map<String, Object> container = maps(map(deployment, "spec", "template", "spec").get("containers")).get(0);
        container.put("imagePulPolicy", "Always");
        map(deployment, "spec").put("replica", 2);
        Map<String, Object> mistyped = copy(
                Charts.resource(manifests, "Service", Charts.resourceName("alert-service")));
        maps(map(mistyped, "spec").get("ports")).get(0).put("port", "eighty");
        Map<String, Object> scaledObject = copy(
                Charts.resource(manifests, "ScaledObject", Charts.resourceName("costing-service")));
        map(scaledObject, "spec").put("maxReplicasCount", 3);

        assertThat(KubernetesSchemas.problems(deployment)).hasSize(2)
                .anySatisfy(problem -> assertThat(problem).contains("imagePulPolicy"))
                .anySatisfy(problem -> assertThat(problem).contains("spec.replica "));
        assertThat(KubernetesSchemas.problems(mistyped)).singleElement().asString().contains("eighty");
        assertThat(KubernetesSchemas.problems(scaledObject)).singleElement().asString().contains("maxReplicasCount");
    }

    private static List<String> kinds(List<Map<String, Object>> manifests) {
        return manifests.stream().map(manifest -> manifest.get("kind").toString()).distinct().toList();
    }

    /** A deep, mutable copy of a rendered object. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> manifest) {
        Yaml yaml = new Yaml();
        return new HashMap<>((Map<String, Object>) yaml.load(yaml.dump(manifest)));
    }
}
