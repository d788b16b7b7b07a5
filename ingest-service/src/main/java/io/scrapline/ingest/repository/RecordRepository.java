package io.scrapline.ingest.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.ingest.domain.Field;
import io.scrapline.ingest.domain.RecordType;
import io.scrapline.ingest.domain.ValidRecord;
import io.scrapline.platform.auth.Scope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Lands raw records with one set-based statement per chunk: the chunk's columns go in as arrays, and a record is
 * inserted as version 1 when new, as version n+1 when its content changed, and not at all when it is the same. The
 * statement of each record type is generated once from the type's fields.
 */
@ApplicationScoped
public class RecordRepository {

    /** How many rows a chunk inserted as new records and as new versions of known ones. */
    public record Landed(int inserted, int updated) {
    }

    private static final Map<RecordType, String> LANDING = new EnumMap<>(RecordType.class);
    private static final Map<RecordType, String> REPEATS = new EnumMap<>(RecordType.class);

    static {
        for (RecordType type : RecordType.values()) {
            LANDING.put(type, landingSql(type));
            REPEATS.put(type, repeatsSql(type));
        }
    }

    public Uni<Landed> land(SqlConnection connection, RecordType type, String source, UUID batchId,
            List<ValidRecord> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().item(new Landed(0, 0));
        }
        Tuple parameters = Tuple.of(source, batchId);
        parameters.addValue(records.stream().map(ValidRecord::row).toArray(Integer[]::new));
        parameters.addValue(records.stream().map(ValidRecord::contentHash).toArray(String[]::new));
        for (Field field : type.fields()) {
            parameters.addValue(column(records, type, field));
        }
        return connection.preparedQuery(LANDING.get(type)).execute(parameters).map(rows -> {
            Row counts = rows.iterator().next();
            return new Landed(counts.getInteger(0), counts.getInteger(1));
        });
    }

    /**
     * Rows of a batch that repeat an earlier row's record with other content, found across chunks after they are landed
     * (a chunk finds its own repeats before). Each is the later row and the row it repeats.
     */
    public Uni<List<int[]>> repeatedRows(SqlConnection connection, RecordType type, UUID batchId) {
        return connection.preparedQuery(REPEATS.get(type)).execute(Tuple.of(batchId)).map(rows -> {
            List<int[]> repeats = new ArrayList<>();
            for (Row row : rows) {
                Integer[] batchRows = row.getArrayOfIntegers(0);
                for (int i = 1; i < batchRows.length; i++) {
                    repeats.add(new int[] { batchRows[i], batchRows[0] });
                }
            }
            return repeats;
        });
    }

    /** Takes rows of a batch out again (partial mode: rows that repeated a record with other content). */
    public Uni<Void> removeRows(SqlConnection connection, RecordType type, UUID batchId, Integer[] batchRows) {
        return connection.preparedQuery("DELETE FROM " + type.table() + " WHERE batch_id = $1 AND batch_row = ANY($2)")
                .execute(Tuple.of(batchId, batchRows)).replaceWithVoid();
    }

    /** The plants among {@code plants} that the tenant has registered. */
    /** Whether batch {@code batchId} of {@code type} has a record of a plant or line outside {@code scope}. */
    public Uni<Boolean> outsideScope(SqlConnection connection, RecordType type, UUID batchId, Scope scope) {
        // A type without a line covers whole plants: a token limited to lines is outside any such record's scope.
        String line = type.index("line") >= 0 ? "line_id" : "NULL::text";
        return connection
                .preparedQuery("SELECT EXISTS (SELECT 1 FROM " + type.table() + " WHERE batch_id = $1 AND NOT ("
                        + "(cardinality($2::text[]) = 0 OR plant_id = ANY($2)) AND (cardinality($3::text[]) = 0 OR "
                        + line + " = ANY($3))))")
                .execute(Tuple.of(batchId, scope.plantArray(), scope.lineArray()))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    public Uni<Set<String>> knownPlants(SqlConnection connection, Set<String> plants) {
        return connection.preparedQuery("SELECT plant_id FROM plants WHERE plant_id = ANY($1)")
                .execute(Tuple.of(plants.toArray(String[]::new))).map(rows -> {
                    Set<String> known = new HashSet<>();
                    rows.forEach(row -> known.add(row.getString(0)));
                    return known;
                });
    }

    /**
     * One field of every record, as an array of its own type: the database receives numbers, instants and dates in
     * binary and parses nothing.
     */
    private static Object[] column(List<ValidRecord> records, RecordType type, Field field) {
        int index = type.index(field.name());
        Object[] column = switch (field.sqlType()) {
            case "numeric" -> new BigDecimal[records.size()];
            case "timestamptz" -> new OffsetDateTime[records.size()];
            case "date" -> new LocalDate[records.size()];
            case "boolean" -> new Boolean[records.size()];
            default -> new String[records.size()];
        };
        boolean text = column instanceof String[];
        for (int i = 0; i < column.length; i++) {
            Object value = records.get(i).value(index);
            column[i] = text && value != null ? value.toString() : value;
        }
        return column;
    }

    static String landingSql(RecordType type) {
        List<Field> fields = type.fields();
        List<String> parameters = new ArrayList<>(List.of("$3::int[]", "$4::text[]"));
        for (int i = 0; i < fields.size(); i++) {
            parameters.add("$" + (i + 5) + "::" + fields.get(i).sqlType() + "[]");
        }
        String columns = fields.stream().map(Field::column).collect(Collectors.joining(", "));
        String typed = fields.stream().map(field -> cast(type, field) + " AS " + field.column())
                .collect(Collectors.joining(", "));
        return "WITH incoming AS (SELECT * FROM unnest(" + String.join(", ", parameters)
                + ") AS i(batch_row, content_hash, " + columns + ")), typed AS (SELECT batch_row, content_hash, "
                + typed + " FROM incoming), " + latestSql(type) + ", landed AS (INSERT INTO " + type.table()
                + " (tenant_id, source, version, batch_id, batch_row, content_hash, " + columns
                + ") SELECT current_tenant(), $1::text, coalesce(l.version, 0) + 1, $2, t.batch_row, "
                + "t.content_hash, " + fields.stream().map(f -> "t." + f.column()).collect(Collectors.joining(", "))
                + " FROM typed t LEFT JOIN latest l ON " + keyMatch(type, "l")
                + " WHERE l.content_hash IS DISTINCT FROM t.content_hash RETURNING version) "
                + "SELECT count(*) FILTER (WHERE version = 1)::int, count(*) FILTER (WHERE version > 1)::int "
                + "FROM landed";
    }

    /**
     * The latest stored version of each incoming record. Records keyed by source id are found with one index scan for
     * the whole chunk ({@code = ANY}), which costs PostgreSQL a third less than a probe per record; natural keys
     * (reference data, small batches) are probed record by record.
     */
    private static String latestSql(RecordType type) {
        if (type.keyedBySource()) {
            int sourceIds = 5 + type.fields().indexOf(type.field("source_id").orElseThrow());
            return "latest AS (SELECT DISTINCT ON (source_id) source_id, version, content_hash FROM " + type.table()
                    + " WHERE source = $1::text AND source_id = ANY($" + sourceIds
                    + "::text[]) ORDER BY source_id, version DESC)";
        }
        String keys = type.key().stream().map(name -> "t." + type.field(name).orElseThrow().column())
                .collect(Collectors.joining(", "));
        return "latest AS (SELECT " + keys + ", l.version, l.content_hash FROM typed t CROSS JOIN LATERAL (SELECT "
                + "version, content_hash FROM " + type.table() + " WHERE " + keyMatch(type, type.table())
                + " ORDER BY version DESC LIMIT 1) l)";
    }

    /** The key columns of {@code type} in {@code other} equal to those of the incoming record {@code t}. */
    private static String keyMatch(RecordType type, String other) {
        return type.key().stream().map(name -> type.field(name).orElseThrow().column())
                .map(column -> other + "." + column + " = t." + column).collect(Collectors.joining(" AND "));
    }

    static String repeatsSql(RecordType type) {
        String key = keyColumns(type);
        return "SELECT array_agg(batch_row ORDER BY batch_row) FROM " + type.table() + " WHERE batch_id = $1 GROUP BY "
                + key + " HAVING count(*) > 1";
    }

    private static String keyColumns(RecordType type) {
        return type.key().stream().map(name -> type.field(name).orElseThrow().column())
                .collect(Collectors.joining(", "));
    }

    /** A key column that is optional (a labor rate without work center) is stored as '' so keys compare equal. */
    private static String cast(RecordType type, Field field) {
        if (type.key().contains(field.name()) && !field.required()) {
            return "coalesce(" + field.column() + ", '')";
        }
        if (field.kind() == Field.Kind.BOOLEAN) {
            return "coalesce(" + field.column() + ", false)";
        }
        return field.column();
    }
}
