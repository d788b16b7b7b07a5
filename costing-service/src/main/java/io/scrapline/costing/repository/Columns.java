package io.scrapline.costing.repository;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import io.vertx.mutiny.sqlclient.Tuple;

/** The parameters of set-based statements: one array per field of a list of items, for {@code unnest(…)}. */
final class Columns {

    private Columns() {
    }

    /**
     * A statement's first two columns: the record id and version of each item, as {@code bigint[]} and {@code int[]}.
     */
    static <T> Tuple recordVersions(Collection<T> items, Function<T, Long> recordId, Function<T, Integer> version) {
        return Tuple.of(items.stream().map(recordId).toArray(Long[]::new),
                items.stream().map(version).toArray(Integer[]::new));
    }

    /** Adds a {@code text[]} column per field; PostgreSQL casts them to numeric, dates or JSON where it needs to. */
    @SafeVarargs
    static <T> Tuple addText(Tuple columns, Collection<T> items, Function<T, String>... fields) {
        for (Function<T, String> field : fields) {
            columns.addValue(items.stream().map(field).toArray(String[]::new));
        }
        return columns;
    }

    /**
     * The source, source id and record id of each of {@code records}, as parameters $1 to $3 of
     * {@link #earlierVersionsOf}.
     */
    static <T> Tuple versionKeys(List<T> records, Function<T, String> source, Function<T, String> sourceId,
            Function<T, Long> recordId) {
        return Tuple.of(records.stream().map(source).toArray(String[]::new),
                records.stream().map(sourceId).toArray(String[]::new),
                records.stream().map(recordId).toArray(Long[]::new));
    }

    /**
     * The {@code FROM} and {@code WHERE} of a statement on the rows ({@code row} their alias) of earlier versions of
     * the records whose {@link #versionKeys} are $1 to $3: the same source and source id, another record.
     */
    static String earlierVersionsOf(String row) {
        return """
                FROM unnest($1::text[], $2::text[], $3::bigint[]) AS u(source, source_id, record_id)
                WHERE %1$s.source = u.source AND %1$s.source_id = u.source_id AND %1$s.record_id <> u.record_id
                """.formatted(row);
    }

    /** The distinct values of a field of the items. */
    static <T> String[] distinct(List<T> items, Function<T, String> field) {
        return items.stream().map(field).distinct().toArray(String[]::new);
    }
}
