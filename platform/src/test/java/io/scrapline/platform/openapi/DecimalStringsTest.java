package io.scrapline.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.junit.jupiter.api.Test;

class DecimalStringsTest {

    @Test
    void aNumberWithoutFormatIsADecimalString() {
        Schema decimal = new DecimalStrings().filterSchema(OASFactory.createSchema().addType(SchemaType.NUMBER));

        assertThat(decimal.getType()).containsExactly(SchemaType.STRING);
        assertThat(decimal.getFormat()).isEqualTo("number");
    }

    @Test
    void keepsNullAndLeavesDoublesAndIntegersAlone() {
        Schema nullable = new DecimalStrings()
                .filterSchema(OASFactory.createSchema().type(List.of(SchemaType.NUMBER, SchemaType.NULL)));
        Schema dbl = new DecimalStrings()
                .filterSchema(OASFactory.createSchema().addType(SchemaType.NUMBER).format("double"));
        Schema integer = new DecimalStrings().filterSchema(OASFactory.createSchema().addType(SchemaType.INTEGER));

        assertThat(nullable.getType()).containsExactly(SchemaType.STRING, SchemaType.NULL);
        assertThat(dbl.getType()).containsExactly(SchemaType.NUMBER);
        assertThat(integer.getType()).containsExactly(SchemaType.INTEGER);
        assertThat(integer.getFormat()).isNull();
    }
}
