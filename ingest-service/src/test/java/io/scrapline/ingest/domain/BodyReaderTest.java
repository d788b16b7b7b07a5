package io.scrapline.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.InvalidInputException;

/** Reading a batch body, CSV with a header row or a JSON array, into rows of field name to text. */
class BodyReaderTest {

    private static final String NOT_AN_ARRAY = "must be a JSON array of records";
    private static final String NOT_A_SINGLE_VALUE = "must be a single value, not an object or list";

    @Test
    void csvRowsAreKeyedByTheHeader() {
        List<Map<String, String>> rows = BodyReader.csv("source_id,plant,quantity\nD-1,P1,3\nD-2,P1,4.5\n", ',');

        assertThat(rows).containsExactly(Map.of("source_id", "D-1", "plant", "P1", "quantity", "3"),
                Map.of("source_id", "D-2", "plant", "P1", "quantity", "4.5"));
    }

    @Test
    void csvColumnsMayComeInAnyOrder() {
        List<Map<String, String>> rows = BodyReader.csv("quantity,source_id\n3,D-1\n", ',');

        assertThat(rows).containsExactly(Map.of("source_id", "D-1", "quantity", "3"));
    }

    @Test
    void aQuotedCsvFieldMayHoldTheDelimiterAQuoteAndANewline() {
        String body = "source_id,ncr,quantity\n" + "D-1,\"Burr, deep\nsee \"\"photo 2\"\"\",3\n" + "D-2,plain,4\n";

        List<Map<String, String>> rows = BodyReader.csv(body, ',');

        assertThat(rows).containsExactly(
                Map.of("source_id", "D-1", "ncr", "Burr, deep\nsee \"photo 2\"", "quantity", "3"),
                Map.of("source_id", "D-2", "ncr", "plain", "quantity", "4"));
    }

    @Test
    void csvMayUseSemicolons() {
        // with ';' a comma is an ordinary character, as in a European decimal
        List<Map<String, String>> rows = BodyReader.csv("source_id;ncr;quantity\nD-1;Burr, deep;3,5\n", ';');

        assertThat(rows).containsExactly(Map.of("source_id", "D-1", "ncr", "Burr, deep", "quantity", "3,5"));
    }

    @Test
    void aUtf8ByteOrderMarkIsSkipped() {
        List<Map<String, String>> rows = BodyReader.csv("\uFEFFsource_id,quantity\nD-1,3\n", ',');

        assertThat(rows).containsExactly(Map.of("source_id", "D-1", "quantity", "3"));
        assertThat(rows.get(0)).containsKey("source_id");
    }

    @Test
    void windowsLineEndingsAreRead() {
        List<Map<String, String>> rows = BodyReader.csv("source_id,quantity\r\nD-1,3\r\nD-2,4\r\n", ',');

        assertThat(rows).containsExactly(Map.of("source_id", "D-1", "quantity", "3"),
                Map.of("source_id", "D-2", "quantity", "4"));
    }

    @Test
    void emptyLinesAreSkippedAndEmptyFieldsAreEmptyText() {
        List<Map<String, String>> rows = BodyReader.csv("source_id,shift,quantity\n\nD-1,,3\n\n", ',');

        assertThat(rows).containsExactly(Map.of("source_id", "D-1", "shift", "", "quantity", "3"));
    }

    @Test
    void aHeaderAloneIsNoRows() {
        assertThat(BodyReader.csv("source_id,quantity\n", ',')).isEmpty();
    }

    @Test
    void aCsvRowWithTooFewColumnsIsRefusedWithItsRow() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> BodyReader.csv("source_id,plant,quantity\nD-1,P1,3\nD-2,P1\n", ','));

        assertThat(e).isNotNull();
        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(2);
            assertThat(error.field()).isNull();
            assertThat(error.message()).startsWith("unreadable CSV row");
        });
    }

    @Test
    void aCsvRowWithTooManyColumnsIsRefusedWithItsRow() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> BodyReader.csv("source_id,quantity\nD-1,3\nD-2,4\nD-3,5,extra\n", ','));

        assertThat(e).isNotNull();
        assertThat(e.errors()).extracting(FieldError::row).containsExactly(3);
    }

    @Test
    void aJsonArrayOfObjectsIsRead() {
        List<Map<String, String>> rows = BodyReader.json("""
                [{"source_id": "D-1", "quantity": 3, "customer_return": true},
                 {"source_id": "D-2", "quantity": "3.00", "salvage_value": "18.40"}]
                """);

        assertThat(rows).containsExactly(Map.of("source_id", "D-1", "quantity", "3", "customer_return", "true"),
                Map.of("source_id", "D-2", "quantity", "3.00", "salvage_value", "18.40"));
    }

    @Test
    void jsonNullsAreAbsentFields() {
        List<Map<String, String>> rows = BodyReader.json("[{\"source_id\": \"D-1\", \"shift\": null}]");

        assertThat(rows).containsExactly(Map.of("source_id", "D-1"));
    }

    @Test
    void anEmptyJsonArrayIsNoRows() {
        assertThat(BodyReader.json("[]")).isEmpty();
    }

    @Test
    void aJsonObjectInsteadOfAnArrayIsRefused() {
        assertThatThrownBy(() -> BodyReader.json("{\"source_id\": \"D-1\"}")).isInstanceOfSatisfying(
                InvalidInputException.class,
                e -> assertThat(e.errors()).containsExactly(new FieldError(null, "body", NOT_AN_ARRAY)));
    }

    @Test
    void aJsonScalarOrAnEmptyBodyIsRefused() {
        for (String body : List.of("42", "\"text\"", "null", "")) {
            assertThatThrownBy(() -> BodyReader.json(body)).as(body).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.errors()).containsExactly(new FieldError(null, "body", NOT_AN_ARRAY)));
        }
    }

    @Test
    void malformedJsonIsRefused() {
        // Read as a stream: the error names the record where the JSON broke off.
        assertThatThrownBy(() -> BodyReader.json("[{\"source_id\": \"D-1\"")).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                    assertThat(error.row()).isEqualTo(1);
                    assertThat(error.field()).isEqualTo("body");
                    assertThat(error.message()).startsWith("not valid JSON");
                }));
    }

    @Test
    void aNestedValueIsRefusedWithItsRowAndField() {
        String body = """
                [{"source_id": "D-1"},
                 {"source_id": "D-2", "part": {"number": "SP-1"}, "tags": ["a", "b"]}]
                """;

        assertThatThrownBy(() -> BodyReader.json(body)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).containsExactly(new FieldError(2, "part", NOT_A_SINGLE_VALUE),
                        new FieldError(2, "tags", NOT_A_SINGLE_VALUE)));
    }

    @Test
    void anArrayElementThatIsNotAnObjectIsRefusedWithItsRow() {
        assertThatThrownBy(() -> BodyReader.json("[{\"source_id\": \"D-1\"}, 5, [\"D-3\"]]")).isInstanceOfSatisfying(
                InvalidInputException.class,
                e -> assertThat(e.errors()).containsExactly(new FieldError(2, null, "must be a JSON object"),
                        new FieldError(3, null, "must be a JSON object")));
    }
}
