package io.scrapline.k8s;

import static io.scrapline.k8s.Charts.env;
import static io.scrapline.k8s.Charts.map;
import static io.scrapline.k8s.Charts.maps;
import static io.scrapline.k8s.Charts.names;
import static io.scrapline.k8s.Charts.podSpec;
import static io.scrapline.k8s.Charts.render;
import static io.scrapline.k8s.Charts.resourceName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.marcnuri.helm.TemplateCommand;

/**
 * The values the chart takes: the extension points, global and per service, reach the pods; contradictory values are
 * refused, by values.schema.json where one value is wrong and by the chart's {@code scrapline.validate} where two
 * values contradict each other (a JSON schema cannot compare two numbers).
 */
class ValuesTest {

    private static final Path EXTENSION_VALUES = Path.of("src", "test", "resources", "extension-values.yaml");

    @Test
    void globalAndServiceExtensionPointsReachThePods() {
        List<Map<String, Object>> manifests = render(List.of(EXTENSION_VALUES), UnaryOperator.identity());
        Map<String, Object> costing = podSpec(manifests, "costing-service");
        Map<String, Object> ingest = podSpec(manifests, "ingest-service");
        Map<String, Object> costingContainer = maps(costing.get("containers")).get(0);

        assertThat(maps(costing.get("containers"))).extracting(container -> container.get("name"))
                .containsExactly("costing-service", "log-shipper");
        assertThat(maps(costing.get("initContainers"))).extracting(container -> container.get("name"))
                .containsExactly("wait-for-proxy");
        assertThat(maps(costing.get("volumes"))).extracting(volume -> volume.get("name")).contains("tmp", "ca-bundle");
        assertThat(maps(costingContainer.get("volumeMounts"))).extracting(mount -> mount.get("mountPath"))
                .contains("/tmp", "/etc/pki/corporate");
        assertThat(maps(costingContainer.get("envFrom")))
                .containsExactly(Map.of("configMapRef", Map.of("name", "scrapline-tuning")));
        assertThat(env(costingContainer)).containsEntry("TZ", "UTC").containsEntry("JAVA_TOOL_OPTIONS",
                "-XX:MaxRAMPercentage=75");
        assertThat(costing).containsEntry("priorityClassName", "month-end-workers");
        assertThat(ingest).containsEntry("priorityClassName", "scrapline-services");
        assertThat(map(costing, "nodeSelector")).containsEntry("example.com/pool", "services");
        assertThat(maps(costing.get("tolerations"))).hasSize(1);
        assertThat(map(costing, "affinity")).containsKey("nodeAffinity");
        assertThat(maps(costing.get("topologySpreadConstraints"))).singleElement()
                .satisfies(constraint -> assertThat(constraint).containsEntry("maxSkew", 2));
        assertThat(maps(ingest.get("topologySpreadConstraints"))).extracting(c -> c.get("topologyKey"))
                .containsExactly("topology.kubernetes.io/zone", "kubernetes.io/hostname");
        Map<String, Object> costingPod = map(Charts.resource(manifests, "Deployment", resourceName("costing-service")),
                "spec", "template", "metadata");
        assertThat(map(costingPod, "labels")).containsEntry("example.com/team", "costing");
        assertThat(map(costingPod, "annotations")).containsEntry("example.com/owner", "quality-platform")
                .containsEntry("prometheus.io/path", "/q/metrics");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ingestService.autoscaling.enabled=true,ingestService.autoscaling.minReplicas=5,"
                    + "ingestService.autoscaling.maxReplicas=3|minReplicas (5) is above maxReplicas (3)",
            "costingService.autoscaling.minReplicas=4,costingService.autoscaling.maxReplicas=2|minReplicas (4) is above",
            "costingService.replicaCount=2,costingService.pdb.minAvailable=2|would block every eviction",
            "costingService.pdb.enabled=true,costingService.pdb.minAvailable=1|would block every eviction",
            "alertService.replicaCount=3,alertService.pdb.maxUnavailable=0|maxUnavailable is 0",
            "alertService.replicaCount=3,alertService.pdb.maxUnavailable=0%|maxUnavailable is 0",
            "reportingService.replicaCount=3,reportingService.pdb.minAvailable=100%|would block every eviction",
            "reportingService.pdb.enabled=true,reportingService.pdb.minAvailable=50%|would block every eviction" })
    void contradictionsAreRefused(String settings, String message) {
        assertThatThrownBy(() -> render(template -> set(template, settings))).hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ingestService.autoscaling.enabled=true,ingestService.autoscaling.minReplicas=3,"
                    + "ingestService.autoscaling.maxReplicas=3|1",
            "costingService.replicaCount=2,costingService.pdb.minAvailable=1|1",
            "alertService.replicaCount=3,alertService.pdb.maxUnavailable=1|1",
            "reportingService.replicaCount=3,reportingService.pdb.minAvailable=66%|1",
            "costingService.replicaCount=2,costingService.pdb.enabled=false|0" })
    void valuesThatLeaveRoomAreTaken(String settings, int budgets) {
        assertThat(names(render(template -> set(template, settings)), "PodDisruptionBudget")).hasSize(budgets);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "ingestService.replica=2|replica", "global.sidecar=x|sidecar",
            "costingService.autoscaling.minReplicas=0|minReplicas", "networkPolicy.database.cidrs[0]=10.0.0.1|cidrs",
            "ingress.hosts[0].host=a.example.com,ingress.hosts[0].service=billing|service",
            "costingService.keda.triggers[0].name=Upper Case,costingService.keda.triggers[0].query=q,"
                    + "costingService.keda.triggers[0].threshold=1|name",
            "global.extraEnv[0].value=x|name" })
    void theSchemaRefusesAWrongValue(String settings, String field) {
        assertThatThrownBy(() -> render(template -> set(template, settings))).hasMessageContaining("schema")
                .hasMessageContaining(field);
    }

    private static TemplateCommand set(TemplateCommand template, String settings) {
        TemplateCommand result = template;
        for (String setting : settings.split(",")) {
            String[] pair = setting.split("=", 2);
            result = result.set(pair[0], pair[1]);
        }
        return result;
    }
}
