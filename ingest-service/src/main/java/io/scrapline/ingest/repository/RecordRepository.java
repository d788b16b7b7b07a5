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
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.ingest.domain.Field;
import io.scrapline.ingest.domain.RecordType;
import io.scrapline.ingest.domain.ValidRecord;
import io.scrapline.platform.auth.Scope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * Lands raw records through the reactive client with one set-based statement per chunk ({@link LandingSql}): the
 * chunk's columns go in as arrays.
 */
@ApplicationScoped
public class RecordRepository {

    /** How many rows a chunk inserted as new records and as new versions of known ones. */
    public record Landed(int inserted, int updated) {
    }

    /** How often a chunk is landed before a concurrent batch's versions make the batch fail (see {@link #land}). */
    static final int LANDING_ATTEMPTS = 5;
    static final String UNIQUE_VIOLATION = "23505";

    /** The plants among {@code $1} that the tenant has registered. */
    static final String KNOWN_PLANTS = "SELECT plant_id FROM plants WHERE plant_id = ANY($1)";

    private static final Map<RecordType, Map<LandingSql.Probe, String>> LANDING = new EnumMap<>(RecordType.class);
    private static final Map<RecordType, String> REPEATS = new EnumMap<>(RecordType.class);

    static {
        for (RecordType type : RecordType.values()) {
            Map<LandingSql.Probe, String> landing = new EnumMap<>(LandingSql.Probe.class);
            for (LandingSql.Probe probe : LandingSql.Probe.values()) {
                landing.put(probe, LandingSql.fromArrays(type, probe));
            }
            LANDING.put(type, landing);
            REPEATS.put(type, LandingSql.repeats(type));
        }
    }

    /**
     * The landing tables for which one index scan per chunk is known to be planned well: a table that has statistics
     * keeps them, and the server keeps its version.
     */
    private final Set<RecordType> indexScanPlannedWell = ConcurrentHashMap.newKeySet();

    /**
     * How the latest versions of {@code type}'s records are best found: by one index scan per chunk where PostgreSQL
     * plans it well, else by a probe per record (see {@link LandingSql.Probe}).
     */
    public Uni<LandingSql.Probe> probe(SqlConnection connection, RecordType type) {
        if (!type.keyedBySource()) {
            return Uni.createFrom().item(LandingSql.Probe.PROBES);
        }
        if (indexScanPlannedWell.contains(type)) {
            return Uni.createFrom().item(LandingSql.Probe.INDEX_SCAN);
        }
        return connection.preparedQuery(LandingSql.INDEX_SCAN_PLANNED_WELL).execute(Tuple.of(type.table()))
                .map(rows -> {
                    if (!rows.iterator().next().getBoolean(0)) {
                        return LandingSql.Probe.PROBES;
                    }
                    indexScanPlannedWell.add(type);
                    return LandingSql.Probe.INDEX_SCAN;
                });
    }

    public Uni<Landed> land(SqlConnection connection, RecordType type, LandingSql.Probe probe, String source,
            UUID batchId, List<ValidRecord> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().item(new Landed(0, 0));
        }
        Tuple parameters = Tuple.of(source, batchId);
        parameters.addValue(records.stream().map(ValidRecord::row).toArray(Integer[]::new));
        parameters.addValue(records.stream().map(ValidRecord::contentHash).toArray(String[]::new));
        for (Field field : type.fields()) {
            parameters.addValue(column(records, type, field));
        }
        return land(connection, LANDING.get(type).get(probe), parameters, 1);
    }

    /**
     * One attempt at landing a chunk. A concurrent batch that stored a version of one of its records first (committed
     * while this statement waited for it) makes the statement fail on the version key, the only unique key it can
     * violate; it is then rolled back to before it and run again, and finds that version.
     */
    private Uni<Landed> land(SqlConnection connection, String sql, Tuple parameters, int attempt) {
        return connection.query("SAVEPOINT landing").execute()
                .chain(() -> connection.preparedQuery(sql).execute(parameters))
                .chain(rows -> connection.query("RELEASE SAVEPOINT landing").execute().map(released -> {
                    Row counts = rows.iterator().next();
                    return new Landed(counts.getInteger(0), counts.getInteger(1));
                }))
                .onFailure(failure -> attempt < LANDING_ATTEMPTS && failure instanceof PgException pg
                        && UNIQUE_VIOLATION.equals(pg.getSqlState()))
                .recoverWithUni(failure -> connection.query("ROLLBACK TO SAVEPOINT landing").execute()
                        .chain(() -> land(connection, sql, parameters, attempt + 1)));
    }

    /**
     * Rows of a batch that repeat an earlier row's record with other content, found across chunks after they are landed
     * (a chunk finds its own repeats before). Each is the later row and the row it repeats.
     */
    public Uni<List<int[]>> repeatedRows(SqlConnection connection, RecordType type, UUID batchId) {
        return connection.preparedQuery(REPEATS.get(type)).execute(Tuple.of(batchId)).map(rows -> {
            List<int[]> repeats = new ArrayList<>();
            for (Row row : rows) {
                addRepeats(row.getArrayOfIntegers(0), repeats);
            }
            return repeats;
        });
    }

    /** Each later row of a group of {@link LandingSql#repeats} with the first row of its group. */
    static void addRepeats(Integer[] batchRows, List<int[]> repeats) {
        for (int i = 1; i < batchRows.length; i++) {
            repeats.add(new int[] { batchRows[i], batchRows[0] });
        }
    }

    static String removeRows(RecordType type) {
        return "DELETE FROM " + type.table() + " WHERE batch_id = $1 AND batch_row = ANY($2)";
    }

    /** Takes rows of a batch out again (partial mode: rows that repeated a record with other content). */
    public Uni<Void> removeRows(SqlConnection connection, RecordType type, UUID batchId, Integer[] batchRows) {
        return connection.preparedQuery(removeRows(type)).execute(Tuple.of(batchId, batchRows)).replaceWithVoid();
    }

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
        return connection.preparedQuery(KNOWN_PLANTS).execute(Tuple.of(plants.toArray(String[]::new))).map(rows -> {
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
}
