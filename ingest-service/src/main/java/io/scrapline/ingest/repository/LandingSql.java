package io.scrapline.ingest.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.scrapline.ingest.domain.Field;
import io.scrapline.ingest.domain.RecordType;

/**
 * The statements that land a chunk of records: each record is inserted as version 1 when new, as version n+1 when its
 * content changed, and not at all when it is the same. Generated once per record type from its fields.
 */
public final class LandingSql {

    /**
     * How the latest stored version of each incoming record is found. {@code INDEX_SCAN}: one index scan for the whole
     * chunk ({@code source_id = ANY}), cheaper for PostgreSQL than a probe per record (on a first load of 1M rows into
     * a fresh database, 2.2 against 5.3 µs a row). PostgreSQL 18 plans it well on any table; PostgreSQL 15 only once
     * the table has statistics: without them it takes the chunk's keys to match the whole table, and a cached generic
     * plan then reads every row of the source for each chunk (100k rows into a fresh database took 137 s instead of 2.4
     * s). {@code PROBES}: one index probe per record, which every plan makes with the key index; natural keys are
     * always probed this way.
     */
    public enum Probe {
        INDEX_SCAN, PROBES
    }

    private LandingSql() {
    }

    /**
     * The landing statement of the reactive client: the chunk's columns come as arrays ({@code $3} rows, {@code $4}
     * digests, then one per field), {@code $1} is the source, {@code $2} the batch. Answers the counts of new records
     * and of new versions.
     */
    static String fromArrays(RecordType type, Probe probe) {
        List<Field> fields = type.fields();
        List<String> parameters = new ArrayList<>(List.of("$3::int[]", "$4::text[]"));
        for (int i = 0; i < fields.size(); i++) {
            parameters.add("$" + (i + 5) + "::" + fields.get(i).sqlType() + "[]");
        }
        String typed = fields.stream().map(field -> cast(type, field) + " AS " + field.column())
                .collect(Collectors.joining(", "));
        String keys = type.keyedBySource()
                ? "$" + (5 + fields.indexOf(type.field("source_id").orElseThrow())) + "::text[]"
                : null;
        return "WITH incoming AS (SELECT * FROM unnest(" + String.join(", ", parameters)
                + ") AS i(batch_row, content_hash, " + columns(type) + ")), typed AS (SELECT batch_row, content_hash, "
                + typed + " FROM incoming), " + latest(type, "typed", keys, probe) + ", " + landed(type, "typed");
    }

    /** The key columns of {@code type}, e.g. for a {@code GROUP BY}. */
    static String keyColumns(RecordType type) {
        return type.key().stream().map(name -> type.field(name).orElseThrow().column())
                .collect(Collectors.joining(", "));
    }

    static String columns(RecordType type) {
        return type.fields().stream().map(Field::column).collect(Collectors.joining(", "));
    }

    /**
     * The CTE {@code latest}: the latest stored version of each record of {@code incoming}. {@code keys} is an array of
     * the incoming source ids, for {@link Probe#INDEX_SCAN}.
     */
    static String latest(RecordType type, String incoming, String keys, Probe probe) {
        if (type.keyedBySource() && probe == Probe.INDEX_SCAN) {
            return "latest AS (SELECT DISTINCT ON (source_id) source_id, version, content_hash FROM " + type.table()
                    + " WHERE source = $1::text AND source_id = ANY(" + keys + ") ORDER BY source_id, version DESC)";
        }
        String sameSource = type.keyedBySource() ? "source = $1::text AND " : "";
        return "latest AS (SELECT " + keyColumns(type, "t") + ", l.version, l.content_hash FROM " + incoming
                + " t CROSS JOIN LATERAL (SELECT version, content_hash FROM " + type.table() + " WHERE " + sameSource
                + keyMatch(type, type.table()) + " ORDER BY version DESC LIMIT 1) l)";
    }

    /**
     * The CTE {@code landed}, which inserts the records of {@code incoming} that are new or changed, and the final
     * count of new records and new versions.
     */
    static String landed(RecordType type, String incoming) {
        String columns = columns(type);
        return "landed AS (INSERT INTO " + type.table() + " (tenant_id, source, version, batch_id, batch_row, "
                + "content_hash, " + columns + ") SELECT current_tenant(), $1::text, coalesce(l.version, 0) + 1, $2, "
                + "t.batch_row, t.content_hash, "
                + type.fields().stream().map(f -> "t." + f.column()).collect(Collectors.joining(", ")) + " FROM "
                + incoming + " t LEFT JOIN latest l ON " + keyMatch(type, "l")
                + " WHERE l.content_hash IS DISTINCT FROM t.content_hash RETURNING version) "
                + "SELECT count(*) FILTER (WHERE version = 1)::int, count(*) FILTER (WHERE version > 1)::int "
                + "FROM landed";
    }

    /**
     * Rows of a batch that repeat an earlier row's record with other content (a chunk finds its own repeats before):
     * each group the batch rows of one record, the first the earliest.
     */
    static String repeats(RecordType type) {
        return "SELECT array_agg(batch_row ORDER BY batch_row) FROM " + type.table() + " WHERE batch_id = $1 GROUP BY "
                + keyColumns(type) + " HAVING count(*) > 1";
    }

    /**
     * Whether PostgreSQL plans {@link Probe#INDEX_SCAN} well for {@code $1}, a landing table: on PostgreSQL 18 and
     * later always, before only with statistics of its source ids. (PostgreSQL 17 reworked how btree scans and prices
     * {@code = ANY}, but only 15 and 18 were measured.)
     */
    static final String INDEX_SCAN_PLANNED_WELL = "SELECT current_setting('server_version_num')::int >= 180000 "
            + "OR EXISTS (SELECT 1 FROM pg_stats WHERE schemaname = current_schema() AND tablename = $1 "
            + "AND attname = 'source_id')";

    /** The key columns of {@code type} in {@code other} equal to those of the incoming record {@code t}. */
    private static String keyMatch(RecordType type, String other) {
        return type.key().stream().map(name -> type.field(name).orElseThrow().column())
                .map(column -> other + "." + column + " = t." + column).collect(Collectors.joining(" AND "));
    }

    private static String keyColumns(RecordType type, String alias) {
        return type.key().stream().map(name -> alias + "." + type.field(name).orElseThrow().column())
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
