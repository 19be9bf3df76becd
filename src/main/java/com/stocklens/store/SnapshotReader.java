package com.stocklens.store;

import static com.stocklens.store.SnapshotArchive.FORMAT;
import static com.stocklens.store.SnapshotArchive.FORMAT_VERSION;
import static com.stocklens.store.SnapshotArchive.MANIFEST;
import static com.stocklens.store.SnapshotArchive.MAX_ENTRIES;
import static com.stocklens.store.SnapshotArchive.MAX_LINE_BYTES;
import static com.stocklens.store.SnapshotArchive.MAX_MANIFEST_BYTES;
import static com.stocklens.store.SnapshotArchive.MAX_TOTAL_BYTES;
import static com.stocklens.store.SnapshotArchive.OLDEST_READABLE_VERSION;
import static com.stocklens.store.SnapshotArchive.sha256;
import static com.stocklens.store.SnapshotArchive.toManifest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.service.SnapshotFileException;
import com.stocklens.service.SnapshotManifest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens snapshot files ({@link SnapshotArchive}): checks the format, the version and every entry's row count
 * and checksum, and restores the rows into a fresh database, refusing what StockLens would not have written
 * (a value of the wrong type, a negative quantity, a key given twice, an oversized entry) in one plain
 * sentence, never by coercing it.
 */
final class SnapshotReader {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotReader.class);
    /** Reading: a key given twice makes a row (or the manifest) ambiguous, so it is refused. */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** Columns holding stock quantities: never negative (the domain refuses a negative quantity). */
    private static final Map<String, Set<String>> QUANTITIES = Map.of(
            "stock_row", Set.of("on_hand", "available", "reserved", "in_transit", "qc_hold", "frozen", "return_pending_qc"),
            "channel_row", Set.of("available", "committed"),
            "lot", Set.of("units"));
    /** Identity columns whose counters are moved past the restored ids. */
    private static final List<String> IDENTITY_TABLES = List.of("snapshot", "sync_run", "stock_import",
            "calibration_task", "calibration_declaration", "alert_event");

    private SnapshotReader() {
    }

    /**
     * Checks {@code file} completely (format, version, every entry's row count and checksum) without
     * restoring anything.
     *
     * @throws SnapshotFileException with a plain message when the file cannot be opened
     */
    static SnapshotManifest verify(Path file) {
        String fileName = file.getFileName().toString();
        try (ZipFile zip = open(file)) {
            ObjectNode manifest = manifest(zip, file);
            for (JsonNode e : manifest.get("entries")) {
                ZipEntry entry = entry(zip, file, e);
                String entryName = entry.getName();
                MessageDigest sha = sha256();
                long rows = 0;
                long lineBytes = 0;
                try (InputStream in = new DigestInputStream(limited(zip.getInputStream(entry), fileName, entry), sha)) {
                    byte[] buf = new byte[65536];
                    for (int n; (n = in.read(buf)) > 0; ) {
                        for (int k = 0; k < n; k++) {
                            if (buf[k] == '\n') {
                                rows++;
                                lineBytes = 0;
                            } else if (++lineBytes > MAX_LINE_BYTES) {
                                // Refused before anything holds the line: a row is never this long.
                                throw lineTooLong(fileName, rows + 1, entryName);
                            }
                        }
                    }
                }
                if (!HexFormat.of().formatHex(sha.digest()).equalsIgnoreCase(e.path("sha256").asText())) {
                    throw SnapshotFileException.corrupt(fileName, "the checksum of " + entryName + " does not match");
                }
                if (!e.path("rows").isIntegralNumber() || !e.path("rows").canConvertToLong()
                        || rows != e.path("rows").longValue()) {
                    throw SnapshotFileException.corrupt(fileName,
                            entryName + " holds " + rows + " rows, the manifest says " + e.path("rows").asText());
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
    static SnapshotManifest restore(Path file, Path workspace) {
        SnapshotManifest m = verify(file);
        try (ZipFile zip = open(file); Database db = Database.open(workspace, Clock.systemUTC(), false)) {
            ObjectNode manifest = manifest(zip, file);
            try (Handle h = db.jdbi().open()) {
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
        try (BoundedLines in = new BoundedLines(limited(zip.getInputStream(entry), fileName, entry), MAX_LINE_BYTES)) {
            for (String line; (line = nextLine(in, fileName, lineNo + 1, entryName)) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row;
                try {
                    row = STRICT.readTree(line);
                } catch (JacksonException e) {
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

    private static String nextLine(BoundedLines in, String fileName, long lineNo, String entryName) throws IOException {
        try {
            return in.next();
        } catch (BoundedLines.TooLong e) {
            throw lineTooLong(fileName, lineNo, entryName);
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
        if (zip.size() > MAX_ENTRIES) {
            throw SnapshotFileException.corrupt(name, "it holds " + zip.size() + " entries, a snapshot at most "
                    + MAX_ENTRIES);
        }
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
        ZipEntry manifestEntry = zip.getEntry(MANIFEST);
        if (manifestEntry.getSize() > MAX_MANIFEST_BYTES) {
            throw manifestTooLarge(name);
        }
        JsonNode node;
        try (InputStream in = limited(zip.getInputStream(manifestEntry), name, manifestEntry)) {
            node = STRICT.readTree(in);
        } catch (JacksonException e) {
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
        // Bounded before any data is read: as many entries as the zip may hold, each once, and what they
        // declare unpacked within the limit (reading checks the declared sizes again).
        if (m.get("entries").size() >= MAX_ENTRIES) {
            throw SnapshotFileException.corrupt(name, "its manifest lists " + m.get("entries").size()
                    + " entries, a snapshot at most " + (MAX_ENTRIES - 1));
        }
        Set<String> listed = new HashSet<>();
        long declared = 0;
        for (JsonNode e : m.get("entries")) {
            ZipEntry entry = entry(zip, file, e);
            if (!listed.add(entry.getName())) {
                throw SnapshotFileException.corrupt(name, "its manifest lists " + entry.getName() + " twice");
            }
            declared += Math.max(0, entry.getSize());
            if (entry.getSize() < 0 || declared > MAX_TOTAL_BYTES) {
                throw SnapshotFileException.corrupt(name, "its data would take more than " + (MAX_TOTAL_BYTES >> 30)
                        + " GB unpacked");
            }
        }
        return m;
    }

    private static SnapshotFileException manifestTooLarge(String name) {
        return SnapshotFileException.corrupt(name, "its manifest is larger than " + (MAX_MANIFEST_BYTES >> 20) + " MB");
    }

    private static SnapshotFileException lineTooLong(String name, long lineNo, String entryName) {
        return SnapshotFileException.corrupt(name, "line " + lineNo + " of " + entryName + " is longer than "
                + (MAX_LINE_BYTES >> 20) + " MB");
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

    private static SnapshotFileException asFileProblem(Path file, Exception e) {
        if (e instanceof SnapshotFileException s) {
            return s;
        }
        if (e instanceof WorkspaceInUseException || e instanceof WorkspaceOpenException) {
            return new SnapshotFileException(SnapshotFileException.Problem.IO, 0,
                    "The snapshot could not be opened: " + e.getMessage(), e);
        }
        String name = file.getFileName().toString();
        if (e instanceof FileSystemException) {
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

    /**
     * {@code in}, refused once it gives more than {@code entry} declares (the manifest: at most
     * {@link SnapshotArchive#MAX_MANIFEST_BYTES}): the declared sizes were checked against the limits before
     * reading, and a zip's declared size can lie.
     */
    private static InputStream limited(InputStream in, String fileName, ZipEntry entry) {
        boolean manifest = MANIFEST.equals(entry.getName());
        long limit = manifest ? MAX_MANIFEST_BYTES : entry.getSize() >= 0 ? entry.getSize() : MAX_TOTAL_BYTES;
        return new FilterInputStream(in) {
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

            private void count(int n) {
                total += n;
                if (total > limit) {
                    throw manifest ? manifestTooLarge(fileName) : SnapshotFileException.corrupt(fileName,
                            entry.getName() + " is larger than its zip entry says");
                }
            }
        };
    }
}
