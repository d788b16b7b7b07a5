package io.scrapline.ingest.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import io.quarkus.logging.Log;
import io.scrapline.ingest.domain.BatchSummary;
import io.scrapline.ingest.domain.RecordType;
import io.scrapline.ingest.domain.ValidRecord;
import io.scrapline.ingest.repository.RecordRepository.Landed;

/**
 * One large batch's JDBC transaction, opened by {@link CopyRepository}: the same bookkeeping statements as the reactive
 * path's, and chunks landed through {@code COPY} into a staging table, then inserted into the landing table with their
 * versions by one statement ({@link LandingSql}). Blocking, and used by one thread at a time.
 */
public final class CopyBatch implements AutoCloseable {

    private final Connection connection;
    private final RecordType type;
    private final BinaryCopyRows rows;
    private final String copy;
    private final String landing;
    private final String truncate;
    private boolean committed;

    CopyBatch(Connection connection, RecordType type, LandingSql.Probe probe) {
        this.connection = connection;
        this.type = type;
        this.rows = new BinaryCopyRows(type);
        String staging = CopyRepository.staging(type);
        this.copy = "COPY " + staging + " FROM STDIN (FORMAT binary)";
        this.landing = "WITH " + LandingSql.latest(type, staging, "ARRAY(SELECT source_id FROM " + staging + ")", probe)
                + ", " + LandingSql.landed(type, staging);
        this.truncate = "TRUNCATE " + staging;
    }

    /** Records the batch. */
    public void begin(BatchSummary batch, String source) {
        run(BatchRepository.INSERT, BatchRepository.insertParameters(batch, source));
    }

    /** The batch's counts and the source's last ingest: the last statements before the commit. */
    public void finish(BatchSummary batch, String source) {
        run(BatchRepository.UPDATE_COUNTS, BatchRepository.countParameters(batch));
        run(BatchRepository.STAMP_SOURCE, source);
    }

    public Set<String> knownPlants(Set<String> plants) {
        try (PreparedStatement statement = JdbcStatements.prepare(connection, RecordRepository.KNOWN_PLANTS,
                (Object) plants.toArray(String[]::new));
                ResultSet result = statement.executeQuery()) {
            Set<String> known = new HashSet<>();
            while (result.next()) {
                known.add(result.getString(1));
            }
            return known;
        } catch (SQLException e) {
            throw CopyRepository.translate(e);
        }
    }

    /**
     * Lands a chunk: {@code COPY} into the staging table, then one statement that inserts the new and changed records
     * with their versions. A concurrent batch that stored a version of one of the records first makes the statement
     * fail on the version key; it is then rolled back to before it and run again, and finds that version.
     */
    public Landed land(String source, UUID batchId, List<ValidRecord> records) {
        if (records.isEmpty()) {
            return new Landed(0, 0);
        }
        try {
            CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
            try {
                in.writeToCopy(rows.encode(records), 0, rows.length());
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
            Landed landed = insertFromStaging(source, batchId);
            try (Statement statement = connection.createStatement()) {
                statement.execute(truncate);
            }
            return landed;
        } catch (SQLException e) {
            throw CopyRepository.translate(e);
        }
    }

    private Landed insertFromStaging(String source, UUID batchId) throws SQLException {
        for (int attempt = 1;; attempt++) {
            Savepoint before = connection.setSavepoint();
            try (PreparedStatement statement = JdbcStatements.prepare(connection, landing, source, batchId);
                    ResultSet result = statement.executeQuery()) {
                result.next();
                Landed landed = new Landed(result.getInt(1), result.getInt(2));
                connection.releaseSavepoint(before);
                return landed;
            } catch (SQLException e) {
                if (!RecordRepository.UNIQUE_VIOLATION.equals(e.getSQLState())
                        || attempt == RecordRepository.LANDING_ATTEMPTS) {
                    throw e;
                }
                connection.rollback(before);
                Log.debugf("a concurrent batch stored versions of records of batch %s first; landing the chunk again",
                        batchId);
            }
        }
    }

    /** See {@link RecordRepository#repeatedRows}. */
    public List<int[]> repeatedRows(UUID batchId) {
        try (PreparedStatement statement = JdbcStatements.prepare(connection, LandingSql.repeats(type), batchId);
                ResultSet result = statement.executeQuery()) {
            List<int[]> repeats = new ArrayList<>();
            while (result.next()) {
                Array rowsOfRecord = result.getArray(1);
                RecordRepository.addRepeats((Integer[]) rowsOfRecord.getArray(), repeats);
            }
            return repeats;
        } catch (SQLException e) {
            throw CopyRepository.translate(e);
        }
    }

    /** See {@link RecordRepository#removeRows}. */
    public void removeRows(UUID batchId, Integer[] batchRows) {
        run(RecordRepository.removeRows(type), batchId, batchRows);
    }

    public void commit() {
        try {
            connection.commit();
            committed = true;
        } catch (SQLException e) {
            throw CopyRepository.translate(e);
        }
    }

    /** Ends the transaction: rolled back unless it was committed. */
    @Override
    public void close() {
        if (!committed) {
            try {
                connection.rollback();
            } catch (SQLException e) {
                Log.debugf("rolling back a batch failed, the connection is closed anyway: %s", e.getMessage());
            }
        }
        closeQuietly(connection);
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            Log.debugf("closing a connection failed: %s", e.getMessage());
        }
    }

    private void run(String sql, Object... parameters) {
        try (PreparedStatement statement = JdbcStatements.prepare(connection, sql, parameters)) {
            statement.execute();
        } catch (SQLException e) {
            throw CopyRepository.translate(e);
        }
    }
}
