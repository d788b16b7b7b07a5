package io.scrapline.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.junit.jupiter.api.Test;

class NullablePropertiesTest {

    @Test
    void aPropertyThatIsNotRequiredMayBeNull() {
        Schema object = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("name", OASFactory.createSchema().addType(SchemaType.STRING))
                .addProperty("last_run", OASFactory.createSchema().ref("ConnectorRun").description("The last run"))
                .addProperty("source", OASFactory.createSchema().addType(SchemaType.STRING)).addRequired("source");

        Schema filtered = new NullableProperties().filterSchema(object);

        assertThat(filtered.getProperties().get("name").getType()).containsExactly(SchemaType.STRING, SchemaType.NULL);
        Schema lastRun = filtered.getProperties().get("last_run");
        assertThat(lastRun.getAnyOf()).hasSize(2);
        assertThat(lastRun.getAnyOf().get(0).getRef()).isEqualTo("#/components/schemas/ConnectorRun");
        assertThat(lastRun.getAnyOf().get(1).getType()).containsExactly(SchemaType.NULL);
        assertThat(lastRun.getDescription()).isEqualTo("The last run");
        assertThat(filtered.getProperties().get("source").getType()).containsExactly(SchemaType.STRING);
    }
}
