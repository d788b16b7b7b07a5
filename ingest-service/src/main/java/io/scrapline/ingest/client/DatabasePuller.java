package io.scrapline.ingest.client;

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

import io.quarkus.logging.Log;
import io.scrapline.ingest.config.ConnectorConfig;
import io.scrapline.ingest.domain.ConnectorSettings;
import io.scrapline.ingest.domain.Page;
import io.scrapline.ingest.domain.RecordMapping;
import io.scrapline.platform.egress.EgressErrors;
import io.scrapline.platform.egress.EgressPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Cursor;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.data.Numeric;

/**
 * Fetches pages from a source's PostgreSQL database with the connector's query, whose only parameter {@code $1} is the
 * watermark: the largest value of the watermark column fetched so far. Each run has a pool of one connection of its
 * own, to the address the egress policy checked at the start of the run (never to the platform's own database). The
 * query runs alone (the extended protocol refuses a string of several statements), in a read-only transaction with a
 * statement timeout, and its rows are read through a cursor, so that a run stops at the configured row and byte limits
 * instead of holding whatever the query returns. Errors reach the run log as their class and SQLSTATE only: the
 * database's message may quote anything the query touched.
 */
@ApplicationScoped
public class DatabasePuller {

    /** The name the query is prepared under to learn the type of {@code $1}. */
    private static final String STATEMENT = "scrapline_connector_query";
    /** Rows read from the cursor at a time. */
    private static final int CHUNK_ROWS = 500;

    private final Vertx vertx;
    private final ConnectorConfig config;
    private final EgressPolicy egress;

    public DatabasePuller(Vertx vertx, ConnectorConfig config, EgressPolicy egress) {
        this.vertx = vertx;
        this.config = config;
        this.egress = egress;
    }

    public PageSource open(ConnectorSettings.Database settings, Runnable onAttempt) {
        return new DatabasePages(settings, onAttempt);
    }

    /** A page's records went past what the run may still read. */
    private static final class LimitReached extends PullException {

        LimitReached(String message) {
            super(message, false);
        }
    }

    private final class DatabasePages implements PageSource {

        private final ConnectorSettings.Database settings;
        private final Runnable onAttempt;
        private Pool pool;
        private String parameterType;
        private long rowsRead;
        private long bytesRead;

        DatabasePages(ConnectorSettings.Database settings, Runnable onAttempt) {
            this.settings = settings;
            this.onAttempt = onAttempt;
        }

        @Override
        public Uni<Page> fetch(String cursor) {
            String watermark = cursor == null ? settings.initialWatermark() : cursor;
            long timeout = config.queryTimeout().toMillis();
            return parameterType().chain(type -> {
                Object bound = bind(type, watermark);
                return Retries.withRetries("the query with $1 = " + watermark, config.retry(), onAttempt,
                        () -> pool()
                                .chain(pool -> pool.withTransaction(
                                        connection -> connection.query("SET TRANSACTION READ ONLY").execute()
                                                // Again per transaction: the query may have changed the session's
                                                // setting.
                                                .chain(() -> connection
                                                        .query("SET LOCAL statement_timeout = " + timeout).execute())
                                                .chain(() -> connection.prepare(settings.query()))
                                                .chain(statement -> read(statement.cursor(Tuple.of(bound)),
                                                        new PageBuilder()))))
                                .onFailure(PgException.class).transform(DatabasePuller::refused).ifNoItem()
                                .after(config.queryTimeout().plus(config.connectTimeout()))
                                .failWith(() -> new PullException(EgressErrors.TIMED_OUT, true))
                                .onFailure(LimitReached.class).recoverWithUni(limit -> {
                                    if (rowsRead == 0) {
                                        return Uni.createFrom().failure(limit);
                                    }
                                    // The pages so far are stored; the next run reads on from their watermark.
                                    Log.infof("database pull of %s stopped at the run's limit: %s", settings.host(),
                                            limit.getMessage());
                                    return Uni.createFrom().nullItem();
                                }));
            }).map(page -> {
                if (page == null) {
                    return new Page(List.of(), null);
                }
                rowsRead += page.records.size();
                bytesRead += page.bytes;
                return page.build();
            });
        }

        @Override
        public Uni<Void> close() {
            return pool == null ? Uni.createFrom().voidItem() : pool.close();
        }

        /** The run's pool, to the address checked when it was made; the first call of a run checks it. */
        private Uni<Pool> pool() {
            if (pool != null) {
                return Uni.createFrom().item(pool);
            }
            return egress.check(settings.host(), settings.port()).map(destination -> {
                PgConnectOptions options = new PgConnectOptions().setHost(destination.ip()).setPort(settings.port())
                        .setDatabase(settings.database()).setUser(settings.user())
                        .setPassword(settings.password() == null ? "" : settings.password())
                        .setConnectTimeout((int) config.connectTimeout().toMillis()).setReconnectAttempts(0)
                        .addProperty("application_name", "scrapline-connector")
                        .addProperty("default_transaction_read_only", "on")
                        .addProperty("statement_timeout", String.valueOf(config.queryTimeout().toMillis()));
                if (pool == null) {
                    pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(options).using(vertx)
                            .build();
                }
                return pool;
            });
        }

        /**
         * The type PostgreSQL infers for {@code $1} (from a cast such as {@code $1::timestamptz}, or from the column it
         * is compared with), so that the watermark, kept as text, is bound as a value of that type. The PREPARE goes by
         * the extended protocol, which refuses a string of several statements.
         */
        private Uni<String> parameterType() {
            if (parameterType != null) {
                return Uni.createFrom().item(parameterType);
            }
            return Retries.withRetries("preparing the query", config.retry(), onAttempt, () -> pool()
                    .chain(pool -> pool.withConnection(connection -> connection
                            .preparedQuery("PREPARE " + STATEMENT + " AS " + settings.query()).execute()
                            .chain(() -> connection.preparedQuery("SELECT parameter_types::text[] FROM "
                                    + "pg_prepared_statements WHERE name = '" + STATEMENT + "'").execute())
                            .call(() -> connection.preparedQuery("DEALLOCATE " + STATEMENT).execute())))
                    .onFailure(PgException.class).transform(DatabasePuller::refused)).map(rows -> {
                        String[] types = rows.iterator().next().getArrayOfStrings(0);
                        if (types.length != 1) {
                            throw new PullException("the query must have exactly one parameter, $1", false);
                        }
                        parameterType = types[0];
                        return parameterType;
                    });
        }

        /** The cursor's rows, a chunk at a time, until its end or the run's limits. */
        private Uni<PageBuilder> read(Cursor cursor, PageBuilder page) {
            return cursor.read(CHUNK_ROWS).chain(rows -> {
                if (!rows.columnsNames().contains(settings.watermarkColumn())) {
                    throw new PullException(
                            "the query returns no column " + settings.watermarkColumn() + " (watermark_column)", false);
                }
                for (Row row : rows) {
                    page.add(row);
                }
                return cursor.hasMore() ? read(cursor, page) : cursor.close().replaceWith(page);
            });
        }

        /** The records of one page as they are read, with the largest watermark and the bytes so far. */
        private final class PageBuilder {

            final List<Map<String, String>> records = new ArrayList<>();
            Object max;
            long bytes;

            void add(Row row) {
                long maxRows = config.database().maxRowsPerRun();
                long maxBytes = config.database().maxBytesPerRun().asLongValue();
                if (rowsRead + records.size() >= maxRows) {
                    throw new LimitReached("query stopped: row limit reached (" + maxRows + " rows per run; "
                            + "page the query with LIMIT)");
                }
                Map<String, String> columns = new LinkedHashMap<>();
                for (int i = 0; i < row.size(); i++) {
                    Object value = normalized(row.getValue(i));
                    if (value != null) {
                        String text = text(value);
                        bytes += text.length();
                        columns.put(row.getColumnName(i), text);
                    }
                }
                if (bytesRead + bytes > maxBytes) {
                    throw new LimitReached("query stopped: byte limit reached (" + maxBytes + " bytes per run; "
                            + "page the query with LIMIT)");
                }
                Object watermark = normalized(row.getValue(settings.watermarkColumn()));
                if (watermark != null && (max == null || compare(watermark, max) > 0)) {
                    max = watermark;
                }
                records.add(RecordMapping.fromColumns(columns, settings.fieldMap()));
            }

            Page build() {
                if (!records.isEmpty() && max == null) {
                    throw new PullException(
                            "the watermark column " + settings.watermarkColumn() + " is null in every row of the page",
                            false);
                }
                return new Page(records, max == null ? null : text(max));
            }
        }
    }

    /**
     * A query the source's database refuses is refused again on the next attempt: it fails the run at once. The run log
     * gets the class and SQLSTATE; the database's message, which may quote data, goes to the service log.
     */
    private static PullException refused(Throwable failure) {
        PgException error = (PgException) failure;
        String state = error.getSqlState() == null ? "" : error.getSqlState();
        Log.infof("a connector's source database refused: SQLSTATE %s: %s", state, error.getErrorMessage());
        if (state.startsWith("28")) {
            return new PullException("authentication failed", false);
        }
        if (state.equals("57014")) {
            return new PullException("query stopped: timed out (statement_timeout)", false);
        }
        return new PullException("query failed: SQLSTATE " + state, false);
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
