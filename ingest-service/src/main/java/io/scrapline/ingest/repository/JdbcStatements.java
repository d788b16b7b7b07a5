package io.scrapline.ingest.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the statements written for the reactive client ({@code $1}, {@code $2}, …, a number used as often as needed)
 * through JDBC, which numbers its {@code ?} parameters by position: one text for both clients.
 */
final class JdbcStatements {

    /** A statement with {@code ?} parameters and, for each, the number of the reactive parameter it takes. */
    private record Positional(String sql, int[] numbers) {
    }

    private static final Map<String, Positional> POSITIONAL = new ConcurrentHashMap<>();

    private JdbcStatements() {
    }

    /**
     * {@code sql} prepared with {@code parameters} bound, the first to {@code $1}. String and Integer arrays are bound
     * as {@code text[]} and {@code int[]}.
     */
    static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        Positional positional = POSITIONAL.computeIfAbsent(sql, JdbcStatements::positional);
        PreparedStatement statement = connection.prepareStatement(positional.sql());
        try {
            for (int i = 0; i < positional.numbers().length; i++) {
                Object value = parameters[positional.numbers()[i] - 1];
                if (value instanceof String[] texts) {
                    statement.setArray(i + 1, connection.createArrayOf("text", texts));
                } else if (value instanceof Integer[] numbers) {
                    statement.setArray(i + 1, connection.createArrayOf("int4", numbers));
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static Positional positional(String sql) {
        StringBuilder text = new StringBuilder(sql.length());
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            int end = i + 1;
            while (c == '$' && end < sql.length() && Character.isDigit(sql.charAt(end))) {
                end++;
            }
            if (end > i + 1) {
                numbers.add(Integer.parseInt(sql.substring(i + 1, end)));
                text.append('?');
                i = end - 1;
            } else {
                text.append(c);
            }
        }
        return new Positional(text.toString(), numbers.stream().mapToInt(Integer::intValue).toArray());
    }
}
