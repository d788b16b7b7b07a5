package io.scrapline.platform.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Lets every property that is not required be {@code null} in the documents, as it is on the wire: the services'
 * Jackson writes an absent value as {@code null} rather than leaving the field out (JsonConfig), and takes a
 * {@code null} for a field left out. A typed property gets the {@code null} type beside its own; a reference becomes
 * {@code anyOf} the reference and {@code null}, which generators read as an optional field of the referenced type.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class NullableProperties implements OASFilter {

    @Override
    public Schema filterSchema(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null || properties.isEmpty()) {
            return schema;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> nullable = new LinkedHashMap<>();
        properties.forEach((name, property) -> nullable.put(name,
                required.contains(name) || property == null ? property : nullable(property)));
        schema.setProperties(nullable);
        return schema;
    }

    static Schema nullable(Schema property) {
        List<SchemaType> types = property.getType();
        if (types != null && !types.isEmpty()) {
            if (!types.contains(SchemaType.NULL)) {
                property.addType(SchemaType.NULL);
            }
            return property;
        }
        if (property.getRef() != null) {
            Schema either = OASFactory.createSchema().addAnyOf(OASFactory.createSchema().ref(property.getRef()))
                    .addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL));
            return property.getDescription() == null ? either : either.description(property.getDescription());
        }
        return property;
    }
}
