package io.scrapline.ingest.connector;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.data.Numeric;

/**
 * Fetches pages from a source's PostgreSQL database with the connector's query, whose only parameter {@code $1} is the
 * watermark: the largest value of the watermark column fetched so far. Each run has a pool of one connection of its
 * own, in a session where every transaction is read-only, so the query cannot change the source whatever it calls.
 */
@ApplicationScoped
class DatabasePuller {

    /** The name the query is prepared under to learn the type of {@code $1}. */
    private static final String STATEMENT = "scrapline_connector_query";

    private final Vertx vertx;
    private final ConnectorConfig config;

    DatabasePuller(Vertx vertx, ConnectorConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    PageSource open(ConnectorSettings.Database settings, Runnable onAttempt) {
        PgConnectOptions options = new PgConnectOptions().setHost(settings.host()).setPort(settings.port())
                .setDatabase(settings.database()).setUser(settings.user())
                .setPassword(settings.password() == null ? "" : settings.password())
                .setConnectTimeout((int) config.connectTimeout().toMillis()).setReconnectAttempts(0)
                .addProperty("application_name", "scrapline-connector")
                .addProperty("default_transaction_read_only", "on")
                .addProperty("statement_timeout", String.valueOf(config.queryTimeout().toMillis()));
        Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(options).using(vertx).build();
        return new DatabasePages(pool, settings, onAttempt);
    }

    private final class DatabasePages implements PageSource {

        private final Pool pool;
        private final ConnectorSettings.Database settings;
        private final Runnable onAttempt;
        private String parameterType;

        DatabasePages(Pool pool, ConnectorSettings.Database settings, Runnable onAttempt) {
            this.pool = pool;
            this.settings = settings;
            this.onAttempt = onAttempt;
        }

        @Override
        public Uni<Page> fetch(String cursor) {
            String watermark = cursor == null ? settings.initialWatermark() : cursor;
            return parameterType().chain(type -> {
                Object bound = bind(type, watermark);
                return Retries.withRetries("the query with $1 = " + watermark, config.retry(), onAttempt,
                        () -> pool
                                .withTransaction(connection -> connection.query("SET TRANSACTION READ ONLY").execute()
                                        .chain(() -> connection.preparedQuery(settings.query())
                                                .execute(Tuple.of(bound))))
                                .onFailure(PgException.class).transform(DatabasePuller::refused));
            }).map(this::page);
        }

        @Override
        public Uni<Void> close() {
            return pool.close();
        }

        /**
         * The type PostgreSQL infers for {@code $1} (from a cast such as {@code $1::timestamptz}, or from the column it
         * is compared with), so that the watermark, kept as text, is bound as a value of that type.
         */
        private Uni<String> parameterType() {
            if (parameterType != null) {
                return Uni.createFrom().item(parameterType);
            }
            return Retries.withRetries("preparing the query", config.retry(), onAttempt, () -> pool
                    .withConnection(connection -> connection.query("PREPARE " + STATEMENT + " AS " + settings.query())
                            .execute()
                            .chain(() -> connection.query("SELECT parameter_types::text[] FROM pg_prepared_statements "
                                    + "WHERE name = '" + STATEMENT + "'").execute())
                            .call(() -> connection.query("DEALLOCATE " + STATEMENT).execute()))
                    .onFailure(PgException.class).transform(DatabasePuller::refused)).map(rows -> {
                        String[] types = rows.iterator().next().getArrayOfStrings(0);
                        if (types.length != 1) {
                            throw new PullException("the query must have exactly one parameter, $1", false);
                        }
                        parameterType = types[0];
                        return parameterType;
                    });
        }

        private Page page(RowSet<Row> rows) {
            if (!rows.columnsNames().contains(settings.watermarkColumn())) {
                throw new PullException(
                        "the query returns no column " + settings.watermarkColumn() + " (watermark_column)", false);
            }
            List<Map<String, String>> records = new ArrayList<>();
            Object max = null;
            for (Row row : rows) {
                Map<String, String> columns = new LinkedHashMap<>();
                for (int i = 0; i < row.size(); i++) {
                    Object value = normalized(row.getValue(i));
                    if (value != null) {
                        columns.put(row.getColumnName(i), text(value));
                    }
                }
                Object watermark = normalized(row.getValue(settings.watermarkColumn()));
                if (watermark != null && (max == null || compare(watermark, max) > 0)) {
                    max = watermark;
                }
                records.add(RecordMapping.fromColumns(columns, settings.fieldMap()));
            }
            if (!records.isEmpty() && max == null) {
                throw new PullException(
                        "the watermark column " + settings.watermarkColumn() + " is null in every row of the page",
                        false);
            }
            return new Page(records, max == null ? null : text(max));
        }
    }

    /** A query the source's database refuses is refused again on the next attempt: it fails the run at once. */
    private static PullException refused(Throwable failure) {
        return new PullException("the source database refused the query: " + failure.getMessage(), false);
    }

    /** The watermark text as a value of the parameter's SQL type. */
    static Object bind(String type, String watermark) {
        try {
            return switch (type) {
                case "timestamp with time zone" -> OffsetDateTime.parse(watermark);
                case "timestamp without time zone" -> LocalDateTime.parse(watermark);
                case "date" -> LocalDate.parse(watermark);
                case "smallint" -> Short.valueOf(watermark);
                case "integer" -> Integer.valueOf(watermark);
                case "bigint" -> Long.valueOf(watermark);
                case "numeric" -> new BigDecimal(watermark);
                case "real" -> Float.valueOf(watermark);
                case "double precision" -> Double.valueOf(watermark);
                case "text", "character varying", "character", "name" -> watermark;
                case "uuid" -> UUID.fromString(watermark);
                default -> throw new PullException("the watermark parameter $1 is of type " + type + "; cast it to "
                        + "timestamptz, timestamp, date, an integer type, numeric, text or uuid", false);
            };
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new PullException("the watermark " + watermark + " is not a value of type " + type
                    + " (timestamps are ISO-8601, e.g. 2026-01-01T00:00:00Z)", false);
        }
    }

    /**
     * A column value as the text a record field reads: timestamps ISO-8601 (with their offset when they have one),
     * decimals without exponent, JSON as JSON.
     */
    static String text(Object value) {
        if (value instanceof OffsetDateTime timestamp) {
            return timestamp.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        if (value instanceof LocalDateTime timestamp) {
            return timestamp.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        }
        if (value instanceof LocalTime time) {
            return time.format(DateTimeFormatter.ISO_LOCAL_TIME);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
            return new BigDecimal(value.toString()).toPlainString();
        }
        if (value instanceof JsonObject object) {
            return object.encode();
        }
        if (value instanceof JsonArray array) {
            return array.encode();
        }
        return value.toString();
    }

    /** Numerics as BigDecimal, so that watermarks compare and print as numbers. */
    private static Object normalized(Object value) {
        return value instanceof Numeric numeric ? numeric.bigDecimalValue() : value;
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static int compare(Object a, Object b) {
        if (a instanceof Comparable comparable && a.getClass().isInstance(b)) {
            return comparable.compareTo(b);
        }
        return text(a).compareTo(text(b));
    }
}
