package com.stocklens.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.service.SnapshotFileException;
import com.stocklens.service.SnapshotManifest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshot files ({@code .stocklens}): the workspace as it was at one moment (or over a time range), in
 * one zip that any StockLens of the same or a newer format can open read-only. The format is documented
 * in {@code docs/SNAPSHOT-FORMAT.md}: {@code manifest.json} first, then one JSON-lines file per table
 * under {@code data/}, each with its row count and SHA-256 in the manifest.
 *
 * <p>Nothing secret is written: secrets never live in the database, and the connections' settings
 * (which may name accounts, app keys, shop ciphers) are replaced by an empty object.
 */
public final class SnapshotArchive {
    public static final String FORMAT = "stocklens-snapshot";
    /** The format this version writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;
    /** The oldest format this version still reads. */
    public static final int OLDEST_READABLE_VERSION = 1;
    public static final String MANIFEST = "manifest.json";
    /** Uncompressed size limit per entry: a guard against zip bombs, far above any real workspace. */
    static final long MAX_ENTRY_BYTES = 8L << 30;

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotArchive.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper LINES = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    /** Reading: a key given twice makes a row (or the manifest) ambiguous, so it is refused. */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** Columns holding stock quantities: never negative (the domain refuses a negative quantity). */
    private static final Map<String, Set<String>> QUANTITIES = Map.of(
            "stock_row", Set.of("on_hand", "available", "reserved", "in_transit", "qc_hold", "frozen", "return_pending_qc"),
            "channel_row", Set.of("available", "committed"),
            "lot", Set.of("units"));
    private static final DateTimeFormatter SQL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx", Locale.ROOT);

    private SnapshotArchive() {
    }

    /**
     * What to export.
     *
     * @param at            the moment: snapshots taken at or before it (the end of the range)
     * @param from          the start of a range, or null for a single moment (all history up to {@code at})
     * @param workspaceName whose data: the shop or workspace name shown in the banner
     * @param mode          "demo" or "live"
     * @param appVersion    the exporting app's version
     * @param settings      the non-secret policy settings in force (settings.properties), key → value
     */
    public record Request(Instant at, Instant from, String workspaceName, String mode, String appVersion,
                          Map<String, String> settings) {
        public Request {
            Objects.requireNonNull(at, "at");
            if (from != null && from.isAfter(at)) {
                throw new IllegalArgumentException("the range starts after it ends");
            }
            settings = settings == null ? Map.of() : Map.copyOf(settings);
        }
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

    /** Identity columns whose counters are moved past the restored ids. */
    private static final List<String> IDENTITY_TABLES = List.of("snapshot", "sync_run", "stock_import",
            "calibration_task", "calibration_declaration", "alert_event");

    // ------------------------------------------------------------------------------------------ export

    /**
     * Writes the snapshot file {@code out} (atomically: a temporary sibling moved into place).
     *
     * @return the manifest written
     */
    public static SnapshotManifest export(Jdbi jdbi, Request request, Instant exportedAt, Path out) {
        Path target = out.toAbsolutePath();
        Path parent = target.getParent();
        Path work = null;
        try {
            Files.createDirectories(parent);
            work = Files.createTempDirectory("stocklens-export-");
            Path dataDir = work;
            ObjectNode manifest;
            try (org.jdbi.v3.core.Handle h = jdbi.open()) {
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
            deleteTree(work);
        }
    }

    private static ObjectNode writeTables(Connection c, Request request, Instant exportedAt, Path dir)
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
        new java.util.TreeMap<>(request.settings()).forEach(settings::put);
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
                com.stocklens.domain.CalibrationState state = FlagMoments.stateAt(
                        com.stocklens.domain.CalibrationState.valueOf(row.path("state").asText()), closed,
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
            default -> row.put(name, rs.getString(i));
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

    // ------------------------------------------------------------------------------------------ open

    /**
     * Checks {@code file} completely (format, version, every entry's row count and checksum) without
     * restoring anything.
     *
     * @throws SnapshotFileException with a plain message when the file cannot be opened
     */
    public static SnapshotManifest verify(Path file) {
        try (ZipFile zip = open(file)) {
            ObjectNode manifest = manifest(zip, file);
            for (JsonNode e : manifest.get("entries")) {
                ZipEntry entry = entry(zip, file, e);
                MessageDigest sha = sha256();
                long rows = 0;
                try (InputStream in = new DigestInputStream(limited(zip.getInputStream(entry)), sha)) {
                    byte[] buf = new byte[65536];
                    for (int n; (n = in.read(buf)) > 0; ) {
                        for (int k = 0; k < n; k++) {
                            if (buf[k] == '\n') {
                                rows++;
                            }
                        }
                    }
                }
                if (!HexFormat.of().formatHex(sha.digest()).equalsIgnoreCase(e.path("sha256").asText())) {
                    throw SnapshotFileException.corrupt(file.getFileName().toString(),
                            "the checksum of " + e.path("name").asText() + " does not match");
                }
                if (!e.path("rows").isIntegralNumber() || !e.path("rows").canConvertToLong()
                        || rows != e.path("rows").longValue()) {
                    throw SnapshotFileException.corrupt(file.getFileName().toString(),
                            e.path("name").asText() + " holds " + rows + " rows, the manifest says "
                                    + e.path("rows").asText());
                }
            }
            return toManifest(manifest);
        } catch (IOException | RuntimeException e) {
            throw asFileProblem(file, e);
        }
    }

    /**
     * Verifies {@code file} and restores it into a fresh database under {@code workspace} (which must not
     * hold one). The caller opens that workspace afterwards; the file itself is never modified.
     */
    public static SnapshotManifest restore(Path file, Path workspace) {
        SnapshotManifest m = verify(file);
        try (ZipFile zip = open(file); Database db = Database.open(workspace)) {
            ObjectNode manifest = manifest(zip, file);
            try (org.jdbi.v3.core.Handle h = db.jdbi().open()) {
                Connection c = h.getConnection();
                c.setAutoCommit(false);
                try {
                    for (JsonNode e : manifest.get("entries")) {
                        restoreTable(c, file.getFileName().toString(), e.get("table").asText(), zip, entry(zip, file, e));
                    }
                    for (String t : IDENTITY_TABLES) {
                        restartIdentity(c, t);
                    }
                    c.commit();
                } catch (SQLException | IOException | RuntimeException ex) {
                    c.rollback();
                    throw ex;
                } finally {
                    c.setAutoCommit(true);
                }
            }
            return m;
        } catch (IOException | SQLException | RuntimeException e) {
            throw asFileProblem(file, e);
        }
    }

    private static void restoreTable(Connection c, String fileName, String table, ZipFile zip, ZipEntry entry)
            throws SQLException, IOException {
        Map<String, Integer> columns = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            // Flyway's V7 seeds identities from the (empty) sku table; start every table empty.
            s.executeUpdate("DELETE FROM " + table);
            try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), md.getColumnType(i));
                }
            }
        } catch (SQLException unknownTable) {
            LOG.warn("Snapshot table {} is not known to this version; skipped", table);
            return;
        }
        String entryName = "data/" + table + ".jsonl";
        Set<String> quantities = QUANTITIES.getOrDefault(table, Set.of());
        List<String> names = null;
        PreparedStatement insert = null;
        int pending = 0;
        long lineNo = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(limited(zip.getInputStream(entry)),
                StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row;
                try {
                    row = STRICT.readTree(line);
                } catch (com.fasterxml.jackson.core.JacksonException e) {
                    throw SnapshotFileException.corrupt(fileName, "line " + lineNo + " of " + entryName
                            + (e.getMessage() != null && e.getMessage().startsWith("Duplicate field")
                            ? " names a column twice" : " is not valid JSON"));
                }
                if (!(row instanceof ObjectNode)) {
                    throw SnapshotFileException.corrupt(fileName, "line " + lineNo + " of " + entryName
                            + " is not a JSON object");
                }
                if (insert == null) {
                    names = new ArrayList<>();
                    for (var it = row.fieldNames(); it.hasNext(); ) {
                        String n = it.next();
                        if (columns.containsKey(n)) {
                            names.add(n);
                        }
                    }
                    if (names.isEmpty()) {
                        throw SnapshotFileException.corrupt(fileName, "line " + lineNo + " of " + entryName
                                + " holds none of the table's columns");
                    }
                    insert = c.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", names)
                            + ") VALUES (" + String.join(", ", Collections.nCopies(names.size(), "?")) + ")");
                }
                for (int i = 0; i < names.size(); i++) {
                    String column = names.get(i);
                    String wrong = bindValue(insert, i + 1, columns.get(column), row.get(column), quantities.contains(column));
                    if (wrong != null) {
                        throw SnapshotFileException.corrupt(fileName, "line " + lineNo + " of " + entryName + ": "
                                + column + " " + wrong);
                    }
                }
                insert.addBatch();
                if (++pending == 1000) {
                    execute(insert, fileName, entryName);
                    pending = 0;
                }
            }
            if (insert != null && pending > 0) {
                execute(insert, fileName, entryName);
            }
        } finally {
            if (insert != null) {
                insert.close();
            }
        }
    }

    /** Runs a batch; a row the database refuses becomes a plain sentence, not the SQL. */
    private static void execute(PreparedStatement insert, String fileName, String entryName) {
        try {
            insert.executeBatch();
        } catch (SQLException e) {
            SQLException first = e.getNextException() != null ? e.getNextException() : e;
            String state = first.getSQLState() == null ? "" : first.getSQLState();
            String why = switch (state) {
                case "23502" -> "a required value is missing";
                case "23505" -> "a row appears twice";
                case "23503", "23506" -> "a row refers to a row the file does not hold";
                case "22001" -> "a value is too long";
                case "22003" -> "a number is out of range";
                default -> "a row does not fit the database";
            };
            LOG.info("Snapshot row refused in {}: {}", entryName, first.getMessage());
            throw SnapshotFileException.corrupt(fileName, entryName + ": " + why);
        }
    }

    /**
     * Binds one value, exactly as the file says or not at all: a value of the wrong type, a number that
     * does not fit, a negative quantity is never coerced (an unknown quantity must not become 0).
     *
     * @return what is wrong with the value ("holds … where … is expected"), or null when it was bound
     */
    private static String bindValue(PreparedStatement p, int i, int type, JsonNode v, boolean quantity)
            throws SQLException {
        if (v == null || v.isNull()) {
            p.setNull(i, type);
            return null;
        }
        switch (type) {
            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> {
                try {
                    p.setObject(i, Instant.parse(v.textValue()).atOffset(ZoneOffset.UTC));
                } catch (RuntimeException e) {
                    return "is not a time";
                }
            }
            case Types.DATE -> {
                try {
                    p.setObject(i, LocalDate.parse(v.textValue()));
                } catch (RuntimeException e) {
                    return "is not a date";
                }
            }
            case Types.BOOLEAN, Types.BIT -> {
                if (!v.isBoolean()) {
                    return "is not true or false";
                }
                p.setBoolean(i, v.booleanValue());
            }
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT, Types.BIGINT -> {
                boolean big = type == Types.BIGINT;
                if (!v.isIntegralNumber() || !(big ? v.canConvertToLong() : v.canConvertToInt())) {
                    return "is not a whole number in range";
                }
                if (quantity && v.longValue() < 0) {
                    return "is a negative quantity";
                }
                if (big) {
                    p.setLong(i, v.longValue());
                } else {
                    p.setInt(i, v.intValue());
                }
            }
            default -> {
                if (!v.isTextual()) {
                    return "is not text";
                }
                p.setString(i, v.textValue());
            }
        }
        return null;
    }

    private static void restartIdentity(Connection c, String table) throws SQLException {
        long next;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM "
                + table)) {
            rs.next();
            next = rs.getLong(1);
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
        }
    }

    private static ZipFile open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new SnapshotFileException(SnapshotFileException.Problem.IO, 0,
                    "There is no snapshot file at " + file + ".", null);
        }
        try {
            return new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw SnapshotFileException.corrupt(file.getFileName().toString(), "not a zip file, or a damaged one");
        }
    }

    private static ObjectNode manifest(ZipFile zip, Path file) throws IOException {
        String name = file.getFileName().toString();
        var first = zip.entries();
        if (!first.hasMoreElements() || !MANIFEST.equals(first.nextElement().getName())) {
            throw SnapshotFileException.corrupt(name, MANIFEST + " is not the first entry");
        }
        // Two entries of one name: which one is meant is ambiguous (and readers disagree), so refuse.
        Set<String> seen = new HashSet<>();
        for (var all = zip.entries(); all.hasMoreElements(); ) {
            String entryName = all.nextElement().getName();
            if (!seen.add(entryName)) {
                throw SnapshotFileException.corrupt(name, "it holds two entries named " + entryName);
            }
        }
        JsonNode node;
        try (InputStream in = limited(zip.getInputStream(zip.getEntry(MANIFEST)))) {
            node = STRICT.readTree(in);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw SnapshotFileException.corrupt(name, e.getMessage() != null && e.getMessage().startsWith("Duplicate field")
                    ? "its manifest names a key twice" : "its manifest is not valid JSON");
        }
        if (!(node instanceof ObjectNode m) || !FORMAT.equals(m.path("format").asText())) {
            throw SnapshotFileException.corrupt(name, "its manifest does not describe a StockLens snapshot");
        }
        if (!m.path("formatVersion").canConvertToInt() || !m.path("formatVersion").isIntegralNumber()) {
            throw SnapshotFileException.corrupt(name, "its manifest gives no format version");
        }
        int version = m.path("formatVersion").intValue();
        if (version > FORMAT_VERSION) {
            throw new SnapshotFileException(SnapshotFileException.Problem.NEWER_FORMAT, version,
                    "This snapshot was made by a newer StockLens (format " + version
                            + "); update StockLens to open it.", null);
        }
        if (version < OLDEST_READABLE_VERSION) {
            throw new SnapshotFileException(SnapshotFileException.Problem.OLDER_FORMAT, version,
                    "This snapshot uses format " + version + ", which this StockLens no longer reads (it reads "
                            + OLDEST_READABLE_VERSION + " to " + FORMAT_VERSION + ").", null);
        }
        if (!m.path("entries").isArray() || !m.path("moment").hasNonNull("at")) {
            throw SnapshotFileException.corrupt(name, "its manifest lacks the entries or the moment");
        }
        return m;
    }

    private static ZipEntry entry(ZipFile zip, Path file, JsonNode e) {
        String name = e.path("name").asText();
        ZipEntry entry = zip.getEntry(name);
        if (entry == null || !name.equals("data/" + e.path("table").asText() + ".jsonl")
                || !e.path("table").asText().matches("[a-z_]+")) {
            throw SnapshotFileException.corrupt(file.getFileName().toString(), "entry " + name + " is missing");
        }
        return entry;
    }

    private static SnapshotManifest toManifest(ObjectNode m) {
        List<SnapshotManifest.SourceMoment> sources = new ArrayList<>();
        for (JsonNode s : m.path("sources")) {
            sources.add(new SnapshotManifest.SourceMoment(s.path("id").asText(), s.path("kind").asText(null),
                    s.path("provider").asText(null), s.path("name").asText(null), instant(s.get("snapshotAt"))));
        }
        Map<String, String> settings = new LinkedHashMap<>();
        m.path("settings").fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
        Map<String, Long> rows = new LinkedHashMap<>();
        for (JsonNode e : m.path("entries")) {
            rows.put(e.path("table").asText(), e.path("rows").asLong());
        }
        JsonNode moment = m.path("moment");
        return new SnapshotManifest(m.path("formatVersion").asInt(), m.path("appVersion").asText(null),
                m.path("schemaVersion").asText(null), instant(m.get("exportedAt")), instant(moment.get("at")),
                instant(moment.get("from")), m.path("workspace").path("name").asText(null),
                m.path("workspace").path("mode").asText(null), List.copyOf(sources), Map.copyOf(settings),
                Collections.unmodifiableMap(rows));
    }

    private static Instant instant(JsonNode v) {
        return v == null || v.isNull() ? null : Instant.parse(v.asText());
    }

    private static SnapshotFileException asFileProblem(Path file, Exception e) {
        if (e instanceof SnapshotFileException s) {
            return s;
        }
        if (e instanceof WorkspaceInUseException || e instanceof WorkspaceOpenException) {
            return new SnapshotFileException(SnapshotFileException.Problem.IO, 0,
                    "The snapshot could not be opened: " + e.getMessage(), e);
        }
        String name = file.getFileName().toString();
        if (e instanceof java.nio.file.FileSystemException) {
            return new SnapshotFileException(SnapshotFileException.Problem.IO, 0,
                    file + " could not be read (" + plain(e) + ").", e);
        }
        if (e instanceof IOException) {
            // ZipException, an early end of the deflated data, a bad CRC: the file is damaged.
            return new SnapshotFileException(SnapshotFileException.Problem.CORRUPT, 0,
                    name + " is not a readable StockLens snapshot (it is damaged: " + plain(e) + ").", e);
        }
        // Anything else is a file that parses but is not what StockLens writes; the detail goes to the log.
        LOG.warn("Snapshot {} refused", file, e);
        return new SnapshotFileException(SnapshotFileException.Problem.CORRUPT, 0,
                name + " is not a readable StockLens snapshot (its content is not what StockLens writes).", e);
    }

    /** An exception's message on one short line, without a final period. */
    private static String plain(Exception e) {
        String m = e.getMessage() == null ? "unknown cause" : e.getMessage().replaceAll("\\s+", " ").strip();
        if (m.length() > 160) {
            m = m.substring(0, 160) + "…";
        }
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }

    private static InputStream limited(InputStream in) {
        return new java.io.FilterInputStream(in) {
            private long total;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) throws IOException {
                total += n;
                if (total > MAX_ENTRY_BYTES) {
                    throw new IOException("an entry is larger than " + MAX_ENTRY_BYTES + " bytes");
                }
            }
        };
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            });
        } catch (IOException ignored) {
            // nothing to clean
        }
    }

    /** Removes a restored snapshot workspace (the runtime calls it on close). */
    public static void discard(Path workspace) {
        deleteTree(workspace);
    }
}
