package io.scrapline.ingest.domain;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.InvalidInputException;

/** Reads a whole batch body held in memory, JSON array or CSV, into rows of field name to text. */
public final class BodyReader {

    private BodyReader() {
    }

    public static List<Map<String, String>> json(String body) {
        return readAll(RowSource.json(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
    }

    /** CSV with a header row; {@code delimiter} is {@code ,} or {@code ;}. A UTF-8 byte order mark is skipped. */
    public static List<Map<String, String>> csv(String body, char delimiter) {
        return readAll(RowSource.csv(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), delimiter));
    }

    private static List<Map<String, String>> readAll(RowSource source) {
        List<Map<String, String>> rows = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (RowSource.Chunk chunk = source.next(1000); !chunk.isEmpty(); chunk = source.next(1000)) {
            chunk.rows().forEach(row -> rows.add(row.fields()));
            errors.addAll(chunk.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the batch has records of the wrong shape", errors);
        }
        return rows;
    }
}
