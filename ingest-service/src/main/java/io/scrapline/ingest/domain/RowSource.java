package io.scrapline.ingest.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.InvalidInputException;

/**
 * The rows of a batch body, read a chunk at a time so that a large file never has to fit in memory: CSV with a header
 * row, or a JSON array of objects. Rows are numbered from 1, the CSV header not counted. A row whose shape is wrong
 * (not an object, a nested value) is not returned; its errors are.
 */
public abstract class RowSource implements AutoCloseable {

    /**
     * A row with its number in the batch: field names and their texts side by side (a CSV's rows share the header's
     * names), a null text for an absent field.
     */
    public record NumberedRow(int row, String[] names, String[] texts) {

        public static NumberedRow of(int row, Map<String, String> fields) {
            return new NumberedRow(row, fields.keySet().toArray(String[]::new), fields.values().toArray(String[]::new));
        }

        /** The row as field name to text, absent fields left out. */
        public Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                if (texts[i] != null) {
                    fields.put(names[i], texts[i]);
                }
            }
            return fields;
        }
    }

    /** The next rows and the shape errors met on the way. */
    public record Chunk(List<NumberedRow> rows, List<FieldError> errors, int read) {

        public boolean isEmpty() {
            return read == 0;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    protected int rowsRead;

    /** Up to {@code max} rows; an empty chunk at the end. */
    public abstract Chunk next(int max);

    @Override
    public void close() {
    }

    public static RowSource of(List<Map<String, String>> rows) {
        Iterator<Map<String, String>> it = rows.iterator();
        return new RowSource() {
            @Override
            public Chunk next(int max) {
                List<NumberedRow> chunk = new ArrayList<>();
                while (it.hasNext() && chunk.size() < max) {
                    chunk.add(NumberedRow.of(++rowsRead, it.next()));
                }
                return new Chunk(chunk, List.of(), chunk.size());
            }
        };
    }

    /**
     * CSV with a header row; {@code delimiter} is {@code ,} or {@code ;}. A UTF-8 byte order mark is skipped. Rows are
     * read as plain arrays that share the header's names: no map per row, the cheapest form for a large file.
     */
    public static RowSource csv(InputStream body, char delimiter) {
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(delimiter);
        MappingIterator<String[]> it;
        String[] header;
        try {
            it = CSV.readerFor(String[].class).with(schema).readValues(utf8WithoutBom(body));
            header = it.hasNextValue() ? it.nextValue() : new String[0];
        } catch (IOException | RuntimeException e) {
            throw unreadableCsv(1, e);
        }
        return new RowSource() {
            @Override
            public Chunk next(int max) {
                List<NumberedRow> chunk = new ArrayList<>();
                List<FieldError> errors = new ArrayList<>();
                int read = 0;
                try {
                    while (read < max && it.hasNextValue()) {
                        String[] texts = it.nextValue();
                        int row = ++rowsRead;
                        read++;
                        if (texts.length == header.length) {
                            chunk.add(new NumberedRow(row, header, texts));
                        } else {
                            errors.add(new FieldError(row, null, "unreadable CSV row: it has " + texts.length
                                    + " fields and the header " + header.length));
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    throw unreadableCsv(rowsRead + 1, e);
                }
                return new Chunk(chunk, errors, read);
            }

            @Override
            public void close() {
                try {
                    it.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** A batch's first chunks, read to see how large it is, and all its rows: those chunks again, then the rest. */
    public record ReadAhead(RowSource rows, boolean moreThanRead) {
    }

    /**
     * Reads chunks of {@code chunkSize} from {@code source} until more than {@code rows} rows are read or the body
     * ends, and gives them back first: a batch's size is known only once its body is read, and this much of it is held
     * in memory at most. {@code moreThanRead}: the body holds more than {@code rows} rows.
     */
    public static ReadAhead readAhead(RowSource source, int chunkSize, int rows) {
        List<Chunk> read = new ArrayList<>();
        int count = 0;
        while (count <= rows) {
            Chunk chunk = source.next(chunkSize);
            read.add(chunk);
            if (chunk.isEmpty()) {
                return new ReadAhead(replaying(read, source), false);
            }
            count += chunk.read();
        }
        return new ReadAhead(replaying(read, source), true);
    }

    private static RowSource replaying(List<Chunk> read, RowSource source) {
        Iterator<Chunk> again = read.iterator();
        return new RowSource() {
            @Override
            public Chunk next(int max) {
                if (again.hasNext()) {
                    Chunk chunk = again.next();
                    again.remove();
                    return chunk;
                }
                return source.next(max);
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }

    /**
     * {@code source}, refusing a batch without records (an empty body, an empty array, a CSV of its header only) as the
     * sender's error rather than storing an empty batch.
     */
    public static RowSource requireRows(RowSource source) {
        return new RowSource() {
            private boolean first = true;

            @Override
            public Chunk next(int max) {
                Chunk chunk = source.next(max);
                if (first && chunk.isEmpty()) {
                    throw new InvalidInputException("body", "must hold at least one record");
                }
                first = false;
                return chunk;
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }

    /** A JSON array of records, read one element at a time. */
    public static RowSource json(InputStream body) {
        JsonParser parser;
        try {
            parser = JSON.getFactory().createParser(body);
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new InvalidInputException("body", "must be a JSON array of records");
            }
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("body", "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RowSource() {
            private boolean ended;
            private int reading;

            @Override
            public Chunk next(int max) {
                List<NumberedRow> chunk = new ArrayList<>();
                List<FieldError> errors = new ArrayList<>();
                int read = 0;
                try {
                    while (!ended && read < max) {
                        reading = rowsRead + 1;
                        JsonToken token = parser.nextToken();
                        if (token == JsonToken.END_ARRAY || token == null) {
                            ended = true;
                            break;
                        }
                        int row = ++rowsRead;
                        read++;
                        JsonNode record = parser.readValueAsTree();
                        if (!record.isObject()) {
                            errors.add(new FieldError(row, null, "must be a JSON object"));
                            continue;
                        }
                        List<FieldError> rowErrors = new ArrayList<>();
                        Map<String, String> fields = new LinkedHashMap<>();
                        for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext();) {
                            Map.Entry<String, JsonNode> field = it.next();
                            JsonNode value = field.getValue();
                            if (value.isContainerNode()) {
                                rowErrors.add(new FieldError(row, field.getKey(),
                                        "must be a single value, not an object or list"));
                            } else if (!value.isNull()) {
                                fields.put(field.getKey(), value.asText());
                            }
                        }
                        if (rowErrors.isEmpty()) {
                            chunk.add(NumberedRow.of(row, fields));
                        } else {
                            errors.addAll(rowErrors);
                        }
                    }
                } catch (JsonProcessingException e) {
                    throw new InvalidInputException("the JSON cannot be read past record " + reading,
                            List.of(new FieldError(reading, "body", "not valid JSON: " + e.getOriginalMessage())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return new Chunk(chunk, errors, read);
            }

            @Override
            public void close() {
                try {
                    parser.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private static Reader utf8WithoutBom(InputStream body) throws IOException {
        PushbackInputStream in = new PushbackInputStream(body, 3);
        byte[] start = in.readNBytes(3);
        boolean bom = start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB
                && (start[2] & 0xFF) == 0xBF;
        if (!bom && start.length > 0) {
            in.unread(start);
        }
        // Bytes that are not UTF-8 become replacement characters here, which Field refuses with their row and field:
        // a strict decoder would fail while reading ahead, at a row that is not the bad one.
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static InvalidInputException unreadableCsv(int row, Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return new InvalidInputException("the CSV cannot be read past row " + row,
                List.of(new FieldError(row, null, "unreadable CSV row: " + message)));
    }
}
