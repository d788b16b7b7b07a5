package io.scrapline.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The benchmarks' statements on the owner's connection: seeding, counting, reading a timing. */
final class Sql {

    private Sql() {
    }

    static void execute(Connection owner, String sql) throws SQLException {
        try (Statement statement = owner.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The first column of the first row, as a whole number. */
    static long longOf(Connection owner, String sql) throws SQLException {
        try (Statement statement = owner.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The first column of the first row, as a number with decimals (0 for null). */
    static double doubleOf(Connection owner, String sql) throws SQLException {
        try (Statement statement = owner.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getDouble(1);
        }
    }
}
