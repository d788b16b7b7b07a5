package io.scrapline.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.InvalidInputException;

class CloudEventTest {

    @Test
    void mapsEachEventTypeToItsRecordType() {
        assertThat(parse(event("defect.recorded")).recordType()).isEqualTo(RecordType.DEFECTS);
        assertThat(parse(event("defect.updated")).recordType()).isEqualTo(RecordType.DEFECTS);
        assertThat(parse(event("nonconformance_report.created")).recordType()).isEqualTo(RecordType.NCRS);
        assertThat(parse(event("nonconformance_report.updated")).recordType()).isEqualTo(RecordType.NCRS);
        assertThat(parse(event("rework.booked")).recordType()).isEqualTo(RecordType.REWORK_LABOR);
        assertThat(parse(event("rework.updated")).recordType()).isEqualTo(RecordType.REWORK_LABOR);
    }

    @Test
    void readsTheAttributesAndHandsTheDataOnAsRowOne() {
        CloudEvent event = parse("""
                {"specversion": "1.0", "id": "e-1", "source": "/mes/dayton", "type": "defect.recorded",
                 "time": "2026-10-14T13:30:00Z", "datacontenttype": "application/json; charset=utf-8",
                 "traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                 "data": {"source_id": "MES-1", "quantity": 3, "shift": null}}""");
        assertThat(event.id()).isEqualTo("e-1");
        assertThat(event.source()).isEqualTo("/mes/dayton");
        assertThat(event.time()).isEqualTo(OffsetDateTime.parse("2026-10-14T13:30:00Z"));
        try (RowSource rows = event.rows()) {
            RowSource.Chunk chunk = rows.next(10);
            assertThat(chunk.rows()).singleElement().satisfies(row -> {
                assertThat(row.row()).isEqualTo(1);
                assertThat(row.fields()).containsExactly(Map.entry("source_id", "MES-1"), Map.entry("quantity", "3"));
            });
        }
    }

    @Test
    void namesEveryBadAttribute() {
        assertThatThrownBy(() -> parse("""
                {"specversion": "0.3", "source": "", "type": "defect.deleted", "time": "yesterday",
                 "datacontenttype": "text/csv", "data": [1]}""")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("specversion", "id", "source",
                        "type", "time", "datacontenttype", "data"));
    }

    @Test
    void anUnknownTypeIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> parse(event("defect.deleted"))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("type");
                    assertThat(error.message()).contains("defect.deleted", "rework.booked");
                }));
    }

    @Test
    void refusesABodyThatIsNotAJsonObject() {
        assertThatThrownBy(() -> parse("[]")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("body"));
        assertThatThrownBy(() -> parse("{\"specversion\": ")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("body"));
    }

    private static String event(String type) {
        return "{\"specversion\": \"1.0\", \"id\": \"e-1\", \"source\": \"/mes\", \"type\": \"" + type
                + "\", \"data\": {}}";
    }

    private static CloudEvent parse(String body) {
        return CloudEvent.parse(body.getBytes(StandardCharsets.UTF_8));
    }
}
