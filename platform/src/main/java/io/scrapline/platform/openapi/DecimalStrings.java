package io.scrapline.platform.openapi;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Describes a {@code BigDecimal} the scanner reached through a type argument ({@code List<BigDecimal>}), which
 * {@code mp.openapi.schema.java.math.BigDecimal} does not cover, as the {@code Decimal} it is on the wire: a string
 * (JsonConfig), {@code format: number}. The scanner writes a {@code BigDecimal} as a number without a format, and
 * {@code double} and {@code float} with theirs, so only decimals change.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class DecimalStrings implements OASFilter {

    @Override
    public Schema filterSchema(Schema schema) {
        List<SchemaType> types = schema.getType();
        if (types != null && types.contains(SchemaType.NUMBER) && schema.getFormat() == null) {
            List<SchemaType> strings = new ArrayList<>(types);
            strings.replaceAll(type -> type == SchemaType.NUMBER ? SchemaType.STRING : type);
            schema.setType(strings);
            schema.setFormat("number");
        }
        return schema;
    }
}
