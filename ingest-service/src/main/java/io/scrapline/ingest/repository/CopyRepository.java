package io.scrapline.ingest.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.ingest.domain.Field;
import io.scrapline.ingest.domain.RecordType;
import io.scrapline.platform.problem.UnavailableProblem;

/**
 * Opens the JDBC transactions of large batches, which land their records through {@code COPY} ({@link CopyBatch}): the
 * reactive client has no {@code COPY}. The connections are the application role's, as the reactive client's are, and
 * each transaction sets its tenant first, as {@code TenantDb} does, so row-level security binds every statement.
 */
@ApplicationScoped
public class CopyRepository {

    /** PostgreSQL's admin and crash shutdown, cannot connect now, and too many connections. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private final DataSource dataSource;

    public CopyRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A transaction in {@code tenant}'s context, with an empty staging table for {@code type}'s records. Blocking: call
     * it on a worker thread.
     */
    public CopyBatch open(String tenant, RecordType type) {
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("no tenant");
        }
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection
                    .prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                statement.setString(1, tenant);
                statement.execute();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(stagingTable(type));
            }
            return new CopyBatch(connection, type, probe(connection, type));
        } catch (SQLException | RuntimeException e) {
            if (connection != null) {
                CopyBatch.closeQuietly(connection);
            }
            throw translate(e);
        }
    }

    /**
     * {@code failure} as an {@link UnavailableProblem} (503) if the database cannot be reached now, else as an
     * unchecked exception.
     */
    static RuntimeException translate(Exception failure) {
        if (failure instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState()))) {
            return new UnavailableProblem(failure);
        }
        if (failure instanceof RuntimeException unchecked) {
            return unchecked;
        }
        return new IllegalStateException(failure.getMessage(), failure);
    }

    /**
     * The staging table of a chunk: the batch row, the content digest and the type's fields. A temporary table, so it
     * has no row-level security (which refuses {@code COPY FROM}) and is seen by this transaction alone; it holds no
     * tenant id, which the insert into the landing table takes from the transaction, where row-level security checks
     * it. Dropped at the commit, so that it works behind a transaction-pooling connection pooler too.
     */
    static String stagingTable(RecordType type) {
        StringBuilder columns = new StringBuilder("batch_row integer, content_hash text");
        for (Field field : type.fields()) {
            columns.append(", ").append(field.column()).append(' ').append(field.sqlType());
        }
        return "CREATE TEMPORARY TABLE " + staging(type) + " (" + columns + ") ON COMMIT DROP";
    }

    static String staging(RecordType type) {
        return "incoming_" + type.table();
    }

    private static LandingSql.Probe probe(Connection connection, RecordType type) throws SQLException {
        if (!type.keyedBySource()) {
            return LandingSql.Probe.PROBES;
        }
        try (PreparedStatement statement = JdbcStatements.prepare(connection, LandingSql.INDEX_SCAN_PLANNED_WELL,
                type.table());
                ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getBoolean(1) ? LandingSql.Probe.INDEX_SCAN : LandingSql.Probe.PROBES;
        }
    }
}
