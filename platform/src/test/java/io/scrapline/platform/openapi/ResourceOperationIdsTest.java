package io.scrapline.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceOperationIdsTest {

    @Test
    void namesTheSubjectOfTheResourceThenTheMethod() {
        assertThat(ResourceOperationIds.operationId("ConnectorResource", "runs")).isEqualTo("connectorRuns");
        assertThat(ResourceOperationIds.operationId("CostSchemaResource", "approve")).isEqualTo("costSchemaApprove");
    }

    @Test
    void keepsAClassNameWithoutTheSuffix() {
        assertThat(ResourceOperationIds.operationId("Alerts", "list")).isEqualTo("alertsList");
        assertThat(ResourceOperationIds.operationId("Resource", "get")).isEqualTo("resourceGet");
    }
}
