package com.stocklens.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.service.SnapshotFileException;
import com.stocklens.service.SnapshotManifest;
import com.stocklens.support.TempFolders;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

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
    /**
     * Uncompressed size limit of all data entries together (and so of each): a guard against zip bombs, far
     * above any real workspace. Checked against the sizes the zip declares before anything is read, and
     * again while reading (a declared size may lie).
     */
    static final long MAX_TOTAL_BYTES = 8L << 30;
    /** Longest line (one row) of a data entry: a real row is well under a kilobyte, the longest text 20 000 characters. */
    static final int MAX_LINE_BYTES = 1 << 20;
    /** Largest manifest: a real one is a few kilobytes. */
    static final int MAX_MANIFEST_BYTES = 1 << 20;
    /** Most entries in the zip (the manifest and one per table; StockLens writes 25). */
    static final int MAX_ENTRIES = 256;

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

    /**
     * Writes the snapshot file {@code out} (atomically: a temporary sibling moved into place).
     *
     * @return the manifest written
     * @throws SnapshotFileException when the store cannot be read or the file cannot be written
     */
    public static SnapshotManifest export(Jdbi jdbi, Request request, Instant exportedAt, Path out) {
        return SnapshotWriter.write(jdbi, request, exportedAt, out);
    }

    /**
     * Checks {@code file} completely (format, version, every entry's row count and checksum) without
     * restoring anything.
     *
     * @throws SnapshotFileException with a plain message when the file cannot be opened
     */
    public static SnapshotManifest verify(Path file) {
        return SnapshotReader.verify(file);
    }

    /**
     * Verifies {@code file} and restores it into a fresh database under {@code workspace} (which must not
     * hold one). The caller opens that workspace afterwards; the file itself is never modified.
     */
    public static SnapshotManifest restore(Path file, Path workspace) {
        return SnapshotReader.restore(file, workspace);
    }

    /** The temporary folders an export writes its tables into: {@code <tmpdir>/stocklens-export-*}. */
    public static final String EXPORT_PREFIX = "stocklens-export-";

    /** Removes a restored snapshot workspace (the runtime calls it on close), releasing its lock. */
    public static void discard(Path workspace) {
        TempFolders.delete(workspace);
    }

    static SnapshotManifest toManifest(ObjectNode m) {
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

    static Instant instant(JsonNode v) {
        return v == null || v.isNull() ? null : Instant.parse(v.asText());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
