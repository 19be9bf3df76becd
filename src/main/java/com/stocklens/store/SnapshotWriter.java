package com.stocklens.store;

import static com.stocklens.store.SnapshotArchive.FORMAT;
import static com.stocklens.store.SnapshotArchive.FORMAT_VERSION;
import static com.stocklens.store.SnapshotArchive.MANIFEST;
import static com.stocklens.store.SnapshotArchive.instant;
import static com.stocklens.store.SnapshotArchive.sha256;
import static com.stocklens.store.SnapshotArchive.toManifest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.domain.CalibrationState;
import com.stocklens.service.SnapshotFileException;
import com.stocklens.service.SnapshotManifest;
import com.stocklens.support.Redactor;
import com.stocklens.support.TempFolders;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes snapshot files ({@link SnapshotArchive}): the rows of every table that belong to the moment (or the
 * range), adjusted to it (a task closed later was still open then), as JSON lines with their counts and
 * checksums in the manifest. Nothing secret is written: the connections' settings are replaced by an empty
 * object.
 */
final class SnapshotWriter {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotWriter.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper LINES = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final DateTimeFormatter SQL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx", Locale.ROOT);

    private SnapshotWriter() {
    }

    /** A table, the rows of it that belong in a snapshot, and how a row is adjusted to the moment. */
    private record Table(String name, String where) {
    }

    /** Insertion order respects the foreign keys (snapshot before its rows, task before its declarations). */
    private static final List<Table> TABLES = List.of(
            new Table("source", null),
            new Table("warehouse", null),
            new Table("sku", null),
            new Table("channel_warehouse", null),
            new Table("snapshot", "id IN (:kept)"),
            new Table("sync_run", "status <> 'RUNNING' AND finished_at <= :at "
                    + "AND (snapshot_id IN (:kept) OR (snapshot_id IS NULL AND started_at >= :from))"),
            new Table("stock_row", "snapshot_id IN (:kept)"),
            new Table("channel_row", "snapshot_id IN (:kept)"),
            new Table("lot", "snapshot_id IN (:kept)"),
            new Table("stock_import", "snapshot_id IN (:kept)"),
            new Table("calibration_task", FlagMoments.TASK_KNOWN),
            new Table("calibration_declaration", FlagMoments.DECLARATION_KNOWN),
            new Table("alert", "raised_at <= :at"),
            new Table("alert_event", "at <= :at"),
            new Table("flag_evaluation", "evaluated_at <= :at"),
            new Table("sale_line", "created_at <= :at"),
            new Table("return_item", "created_at IS NULL OR created_at <= :at"),
            new Table("activity_cursor", null),
            new Table("source_connection", null),
            new Table("csv_warehouse", null),
            new Table("import_mapping", null),
            new Table("sku_identity", null),
            new Table("sku_identity_tiktok", null),
            new Table("sku_mapping", null));

    /** Columns holding a provider's or the store's error text (sync_run.error, activity_cursor.last_error). */
    private static final Set<String> ERROR_COLUMNS = Set.of("error", "last_error");

    /**
     * Writes the snapshot file {@code out} (atomically: a temporary sibling moved into place), every table in
     * one transaction so the file describes one state of the store.
     *
     * @return the manifest written
     */
    static SnapshotManifest write(Jdbi jdbi, SnapshotArchive.Request request, Instant exportedAt, Path out) {
        Path target = out.toAbsolutePath();
        Path parent = target.getParent();
        Path work = null;
        try {
            Files.createDirectories(parent);
            work = TempFolders.create(SnapshotArchive.EXPORT_PREFIX);
            Path dataDir = work;
            ObjectNode manifest;
            try (Handle h = jdbi.open()) {
                Connection c = h.getConnection();
                boolean autoCommit = c.getAutoCommit();
                // One transaction: every table describes the same state of the store.
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                try {
                    manifest = writeTables(c, request, exportedAt, dataDir);
                } finally {
                    c.rollback();
                    c.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                throw new IOException("the store could not be read (" + e.getMessage() + ")", e);
            }
            Path tmp = Files.createTempFile(parent, ".snapshot-", ".part");
            try {
                try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
                    zip.putNextEntry(new ZipEntry(MANIFEST));
                    JSON.writeValue(zip, manifest);
                    zip.closeEntry();
                    for (JsonNode e : manifest.get("entries")) {
                        zip.putNextEntry(new ZipEntry(e.get("name").asText()));
                        Files.copy(dataDir.resolve(e.get("table").asText() + ".jsonl"), zip);
                        zip.closeEntry();
                    }
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            LOG.info("Exported snapshot {} (at {})", target, request.at());
            return toManifest(manifest);
        } catch (IOException e) {
            throw new SnapshotFileException(SnapshotFileException.Problem.IO, FORMAT_VERSION,
                    "The snapshot could not be written to " + target + ": " + e.getMessage(), e);
        } finally {
            TempFolders.delete(work);
        }
    }

    private static ObjectNode writeTables(Connection c, SnapshotArchive.Request request, Instant exportedAt, Path dir)
            throws SQLException, IOException {
        Instant at = request.at().truncatedTo(ChronoUnit.MICROS);
        Instant from = request.from() == null ? null : request.from().truncatedTo(ChronoUnit.MICROS);
        String kept = "SELECT id FROM snapshot WHERE taken_at <= :at" + (from == null ? ""
                : " AND (taken_at >= :from OR id IN (SELECT MAX(id) FROM snapshot WHERE taken_at < :from "
                + "GROUP BY source_id))");
        Set<Long> declaredTasks = new HashSet<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(bind("SELECT DISTINCT task_id FROM calibration_declaration "
                     + "WHERE declared_at <= :at", at, from))) {
            while (rs.next()) {
                declaredTasks.add(rs.getLong(1));
            }
        }
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", FORMAT);
        manifest.put("formatVersion", FORMAT_VERSION);
        manifest.put("appVersion", request.appVersion());
        manifest.put("schemaVersion", schemaVersion(c));
        manifest.put("exportedAt", exportedAt.toString());
        ObjectNode moment = manifest.putObject("moment");
        if (from != null) {
            moment.put("from", from.toString());
        }
        moment.put("at", at.toString());
        ObjectNode workspace = manifest.putObject("workspace");
        workspace.put("name", request.workspaceName());
        workspace.put("mode", request.mode());
        ArrayNode sources = manifest.putArray("sources");
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(bind("SELECT src.id, src.kind, src.provider, src.display_name, "
                     + "(SELECT MAX(taken_at) FROM snapshot WHERE source_id = src.id AND id IN (" + kept + ")) "
                     + "FROM source src ORDER BY src.id", at, from))) {
            while (rs.next()) {
                ObjectNode n = sources.addObject();
                n.put("id", rs.getString(1));
                n.put("kind", rs.getString(2));
                n.put("provider", rs.getString(3));
                n.put("name", rs.getString(4));
                OffsetDateTime t = rs.getObject(5, OffsetDateTime.class);
                n.put("snapshotAt", t == null ? null : t.toInstant().toString());
            }
        }
        ObjectNode settings = manifest.putObject("settings");
        new TreeMap<>(request.settings()).forEach(settings::put);
        ArrayNode entries = manifest.putArray("entries");
        for (Table t : TABLES) {
            String sql = "SELECT * FROM " + t.name()
                    + (t.where() == null ? "" : " WHERE " + t.where().replace(":kept", kept));
            Path file = dir.resolve(t.name() + ".jsonl");
            MessageDigest sha = sha256();
            long rows = 0;
            try (OutputStream raw = Files.newOutputStream(file);
                 DigestOutputStream out = new DigestOutputStream(raw, sha);
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(bind(sql, at, from))) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    ObjectNode row = LINES.createObjectNode();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        put(row, md.getColumnLabel(i).toLowerCase(Locale.ROOT), md.getColumnType(i), rs, i);
                    }
                    atTheMoment(t.name(), row, at, declaredTasks);
                    LINES.writeValue(out, row);
                    out.write('\n');
                    rows++;
                }
            }
            ObjectNode e = entries.addObject();
            e.put("name", "data/" + t.name() + ".jsonl");
            e.put("table", t.name());
            e.put("rows", rows);
            e.put("bytes", Files.size(file));
            e.put("sha256", HexFormat.of().formatHex(sha.digest()));
        }
        return manifest;
    }

    /**
     * Adjusts a row to the moment: a task or alert closed after it was still open then; a read cursor
     * stops at it; connection settings (account names, app keys, shop ciphers) are never exported.
     */
    private static void atTheMoment(String table, ObjectNode row, Instant at, Set<Long> declaredTasks) {
        switch (table) {
            case "calibration_task" -> {
                // The same reading of a past moment as the "as of" flag reader (FlagMoments).
                Instant closed = instant(row.get("closed_at"));
                CalibrationState state = FlagMoments.stateAt(
                        CalibrationState.valueOf(row.path("state").asText()), closed,
                        declaredTasks.contains(row.get("id").asLong()), at);
                if (FlagMoments.closedAt(closed, at) == null) {
                    row.putNull("closed_at");
                }
                row.put("state", state.name());
            }
            case "alert" -> {
                if (after(row, "cleared_at", at)) {
                    row.putNull("cleared_at");
                    row.put("state", "ACTIVE");
                }
            }
            case "activity_cursor" -> {
                if (after(row, "updated_until", at)) {
                    row.put("updated_until", at.toString());
                }
            }
            case "source_connection" -> row.put("settings", "{}");
            default -> {
            }
        }
    }

    private static boolean after(ObjectNode row, String column, Instant at) {
        JsonNode v = row.get(column);
        return v != null && v.isTextual() && Instant.parse(v.asText()).isAfter(at);
    }

    private static String bind(String sql, Instant at, Instant from) {
        // Instants formatted by us, never user text: safe to inline as SQL literals.
        String fromLiteral = from == null ? "TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00:00'" : literal(from);
        return sql.replace(":at", literal(at)).replace(":from", fromLiteral);
    }

    private static String literal(Instant t) {
        return "TIMESTAMP WITH TIME ZONE '" + SQL_TIME.format(t.atOffset(ZoneOffset.UTC)) + "'";
    }

    private static void put(ObjectNode row, String name, int type, ResultSet rs, int i) throws SQLException {
        switch (type) {
            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> {
                OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                row.put(name, t == null ? null : t.toInstant().toString());
            }
            case Types.DATE -> {
                LocalDate d = rs.getObject(i, LocalDate.class);
                row.put(name, d == null ? null : d.toString());
            }
            case Types.BOOLEAN, Types.BIT -> {
                boolean b = rs.getBoolean(i);
                if (rs.wasNull()) {
                    row.putNull(name);
                } else {
                    row.put(name, b);
                }
            }
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT, Types.BIGINT -> {
                long v = rs.getLong(i);
                if (rs.wasNull()) {
                    row.putNull(name);
                } else {
                    row.put(name, v);
                }
            }
            // A file for people without credentials: no remembered secret in any text, and none shaped like
            // one in an error a provider wrote (also those stored before errors were redacted).
            default -> row.put(name, ERROR_COLUMNS.contains(name) ? Redactor.redact(rs.getString(i))
                    : Redactor.redactKnown(rs.getString(i)));
        }
    }

    private static String schemaVersion(Connection c) {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" "
                     + "AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null;
        }
    }
}
