package io.scrapline.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * Checks rendered manifests offline against the Kubernetes API types: each object is read into its fabric8
 * kubernetes-model class (the Kubernetes OpenAPI types, generated; version from the Quarkus BOM), which refuses a value
 * of the wrong type, and every field the type does not know is reported. fabric8 keeps unknown fields in
 * {@code additionalProperties} instead of failing, so the check walks the object for them. KEDA's ScaledObject has no
 * fabric8 type; it is checked against the openAPIV3Schema of KEDA's CRD (src/test/resources/crds), closed as the API
 * server's pruning closes it.
 */
final class KubernetesSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("apps/v1/Deployment", "io.fabric8.kubernetes.api.model.apps.Deployment"),
            Map.entry("v1/Service", "io.fabric8.kubernetes.api.model.Service"),
            Map.entry("v1/ServiceAccount", "io.fabric8.kubernetes.api.model.ServiceAccount"),
            Map.entry("v1/ConfigMap", "io.fabric8.kubernetes.api.model.ConfigMap"),
            Map.entry("v1/Pod", "io.fabric8.kubernetes.api.model.Pod"),
            Map.entry("batch/v1/Job", "io.fabric8.kubernetes.api.model.batch.v1.Job"),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler",
                    "io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler"),
            Map.entry("policy/v1/PodDisruptionBudget", "io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget"),
            Map.entry("networking.k8s.io/v1/NetworkPolicy",
                    "io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy"),
            Map.entry("networking.k8s.io/v1/Ingress", "io.fabric8.kubernetes.api.model.networking.v1.Ingress"),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor",
                    "io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor"));

    private static final String SCALED_OBJECT = "keda.sh/v1alpha1/ScaledObject";

    private static final JsonSchema SCALED_OBJECT_SCHEMA = crdSchema("/crds/keda.sh_scaledobjects.yaml", "v1alpha1");

    private KubernetesSchemas() {
    }

    /** The problems of one manifest: each as {@code Kind/name: path message}; empty when it validates. */
    static List<String> problems(Map<String, Object> manifest) {
        String type = manifest.get("apiVersion") + "/" + manifest.get("kind");
        String name = type + " " + Charts.map(manifest, "metadata").get("name");
        List<String> problems = new ArrayList<>();
        try {
            if (SCALED_OBJECT.equals(type)) {
                for (ValidationMessage message : SCALED_OBJECT_SCHEMA.validate(JSON.valueToTree(manifest))) {
                    problems.add(name + ": " + message.getMessage());
                }
                unknownFields(JSON.convertValue(manifest.get("metadata"), ObjectMeta.class), "metadata", problems);
            } else if (TYPES.containsKey(type)) {
                Object object = JSON.convertValue(manifest, Class.forName(TYPES.get(type)));
                unknownFields(object, "", problems);
            } else {
                problems.add(name + ": no schema for this apiVersion and kind");
            }
        } catch (IllegalArgumentException e) {
            problems.add(name + ": " + e.getMessage());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return problems.stream().map(problem -> problem.startsWith(name) ? problem : name + ": " + problem).toList();
    }

    private static void unknownFields(Object node, String path, List<String> problems) {
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                unknownFields(list.get(i), path + "[" + i + "]", problems);
            }
        } else if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> unknownFields(value, path + "." + key, problems));
        } else if (node != null && node.getClass().getName().startsWith("io.fabric8.")) {
            for (Method getter : node.getClass().getMethods()) {
                if (!isGetter(getter)) {
                    continue;
                }
                Object value = invoke(getter, node);
                if (getter.getName().equals("getAdditionalProperties")) {
                    ((Map<?, ?>) value).keySet().forEach(field -> problems
                            .add(path + "." + field + " is not a field of " + node.getClass().getSimpleName()));
                } else {
                    unknownFields(value, path + "." + property(getter), problems);
                }
            }
        }
    }

    private static boolean isGetter(Method method) {
        return method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                && method.getName().startsWith("get") && !method.getName().equals("getClass");
    }

    private static String property(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Object invoke(Method getter, Object node) {
        try {
            return getter.invoke(node);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(getter.toString(), e);
        }
    }

    private static JsonSchema crdSchema(String resource, String version) {
        try (InputStream in = KubernetesSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            JsonNode crd = JSON.valueToTree(new Yaml().load(in));
            for (JsonNode candidate : crd.path("spec").path("versions")) {
                if (version.equals(candidate.path("name").asText())) {
                    JsonNode schema = candidate.path("schema").path("openAPIV3Schema").deepCopy();
                    close(schema);
                    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
                }
            }
            throw new IllegalStateException(resource + " has no version " + version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A structural CRD schema keeps only the fields it lists (the API server prunes the rest), so for a test an object
     * with properties and no additionalProperties is closed: a misspelled field is an error, not silently dropped.
     */
    private static void close(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
                object.put("additionalProperties", false);
            }
            object.properties().forEach(entry -> close(entry.getValue()));
        } else if (schema instanceof ArrayNode array) {
            array.forEach(KubernetesSchemas::close);
        }
    }
}
