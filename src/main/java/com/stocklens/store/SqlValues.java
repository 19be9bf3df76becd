package com.stocklens.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.argument.Argument;

/** Conversions between domain values and columns, shared by the repositories. */
final class SqlValues {
    private SqlValues() {
    }

    /**
     * An instant as a UTC {@code TIMESTAMP WITH TIME ZONE}. Bound as {@link OffsetDateTime}
     * (JDBC 4.2) rather than {@link java.sql.Timestamp}, which would pass through the JVM's
     * default time zone and shift around DST gaps.
     */
    static Argument timestamp(Instant instant) {
        if (instant == null) {
            return (position, statement, ctx) -> statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);
        }
        OffsetDateTime utc = stored(instant).atOffset(ZoneOffset.UTC);
        return (position, statement, ctx) -> statement.setObject(position, utc);
    }

    /**
     * The instant as the column keeps it: H2 and PostgreSQL hold microseconds and would round the
     * nanoseconds, so we truncate first and hand back exactly what a later read returns.
     */
    static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** A nullable INTEGER: SQL NULL stays {@code null} (unknown), never 0. */
    static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static Integer integer(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** Shortens an error to one line that fits the {@code sync_run.error} column. */
    static String oneLine(String message, int max) {
        if (message == null) {
            return null;
        }
        String s = message.replaceAll("\\s+", " ").trim();
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
