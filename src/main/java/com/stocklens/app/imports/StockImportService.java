package com.stocklens.app.imports;

import com.stocklens.domain.Market;
import com.stocklens.domain.Snapshot;
import com.stocklens.imports.FileBytes;
import com.stocklens.imports.StockFiles;
import com.stocklens.service.ColumnMapping;
import com.stocklens.service.CsvWarehouse;
import com.stocklens.service.ImportCheck;
import com.stocklens.service.ImportOutcome;
import com.stocklens.service.ImportProblem;
import com.stocklens.service.StockImports;
import com.stocklens.store.JdbiStockImportStore;
import com.stocklens.sync.SyncEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stock files for warehouses without an API: reads the file, judges it with the pure
 * {@link StockFiles} rules, and stores a valid one as one snapshot of {@code csv:<warehouse>} taken at the
 * file's last-modified time (so the staleness rules show how late it is). All or nothing.
 */
public final class StockImportService implements StockImports {
    private static final Logger LOG = LoggerFactory.getLogger(StockImportService.class);
    /** Larger files are refused before reading: a stock sheet of 100k rows is a few MB. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private final JdbiStockImportStore store;
    private final Clock clock;
    private final SyncEngine.ReadingStep beforeCommit;
    private final List<Consumer<CsvWarehouse>> importListeners = new CopyOnWriteArrayList<>();

    public StockImportService(JdbiStockImportStore store, Clock clock) {
        this(store, clock, (source, reading) -> reading);
    }

    /**
     * @param beforeCommit applied to every imported reading before it is stored (the SKU mapping step, so an
     *                     imported file lines up with TikTok and the other warehouses like a polled source)
     */
    public StockImportService(JdbiStockImportStore store, Clock clock, SyncEngine.ReadingStep beforeCommit) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.beforeCommit = Objects.requireNonNull(beforeCommit, "beforeCommit");
    }

    @Override
    public List<CsvWarehouse> warehouses() {
        return store.warehouses();
    }

    @Override
    public synchronized CsvWarehouse saveWarehouse(String id, String name, Market market, String region, ZoneId zone) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A warehouse needs a name");
        }
        String key = id != null && !id.isBlank() ? id.strip() : newId(name);
        CsvWarehouse w = new CsvWarehouse(key, name.strip(), market,
                region == null || region.isBlank() ? null : region.strip(), zone == null ? ZoneId.of("UTC") : zone)
                .requireStorable();
        store.save(w);
        return w;
    }

    /** "Manila partner warehouse" → MANILA-PARTNER-WAREHOUSE; a name without Latin letters → CSV-<n>. */
    private String newId(String name) {
        String base = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.length() > 40) {
            base = base.substring(0, 40).replaceAll("-+$", "");
        }
        List<String> taken = store.warehouses().stream().map(CsvWarehouse::id).toList();
        if (base.isEmpty()) {
            base = "CSV";
        }
        String candidate = base.equals("CSV") ? "CSV-1" : base;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    @Override
    public synchronized CsvWarehouse linkTikTok(String warehouseId, String tiktokWarehouseId) {
        CsvWarehouse w = store.warehouse(warehouseId)
                .orElseThrow(() -> new IllegalArgumentException("No CSV warehouse " + warehouseId));
        String link = tiktokWarehouseId == null || tiktokWarehouseId.isBlank() ? null : tiktokWarehouseId.strip();
        store.link(w.id(), link);
        return new CsvWarehouse(w.id(), w.name(), w.market(), w.region(), w.zone(), link);
    }

    /**
     * Told of every stored import (after its transaction), on the importing thread: the automatic push after
     * each import listens here. Close the handle to stop.
     */
    public AutoCloseable onImported(Consumer<CsvWarehouse> listener) {
        Objects.requireNonNull(listener, "listener");
        importListeners.add(listener);
        return () -> importListeners.remove(listener);
    }

    @Override
    public List<String> mappingNames(String warehouseId) {
        return store.mappingNames(warehouseId);
    }

    @Override
    public Optional<String> lastMappingName(String warehouseId) {
        return store.lastMappingName(warehouseId);
    }

    @Override
    public Optional<ColumnMapping> mapping(String warehouseId, String name) {
        return store.mapping(warehouseId, name);
    }

    @Override
    public ImportCheck check(Path file, String warehouseId, String mappingName, ColumnMapping mapping) {
        return read(file, warehouseId, mappingName, mapping).check;
    }

    /** A file read and judged, streamed: never held in memory, only its valid rows. */
    private record Read(ImportCheck check, Path file) {
    }

    private Read read(Path file, String warehouseId, String mappingName, ColumnMapping mapping) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        Instant fileTime;
        try {
            fileTime = Files.getLastModifiedTime(file).toInstant();
            if (Files.size(file) > MAX_FILE_BYTES) {
                return new Read(StockFiles.unreadable(name, fileTime, ImportProblem.FILE_TOO_LARGE), file);
            }
        } catch (IOException e) {
            return new Read(StockFiles.unreadable(name, clock.instant(), ImportProblem.UNREADABLE), file);
        }
        ColumnMapping remembered = null;
        if (mapping == null && warehouseId != null) {
            String n = mappingName != null ? mappingName
                    : store.lastMappingName(warehouseId).orElse(ColumnMapping.DEFAULT_NAME);
            remembered = store.mapping(warehouseId, n).orElse(null);
        }
        return new Read(StockFiles.check(FileBytes.of(file), name, fileTime, mapping, remembered), file);
    }

    @Override
    public synchronized ImportOutcome importFile(Path file, String warehouseId, String mappingName,
                                                 ColumnMapping mapping) {
        CsvWarehouse w = store.warehouse(warehouseId)
                .orElseThrow(() -> new IllegalArgumentException("No CSV warehouse " + warehouseId));
        return importInto(file, w, false, mappingName, mapping);
    }

    @Override
    public synchronized ImportOutcome importIntoNew(Path file, CsvWarehouse warehouse, String mappingName) {
        CsvWarehouse w = warehouse.requireStorable();
        if (store.warehouse(w.id()).isPresent()) {
            throw new IllegalArgumentException("A CSV warehouse " + w.id() + " exists already.");
        }
        return importInto(file, w, true, mappingName, null);
    }

    private ImportOutcome importInto(Path file, CsvWarehouse w, boolean create, String mappingName,
                                     ColumnMapping mapping) {
        Read read = read(file, create ? null : w.id(), mappingName, mapping);
        if (!read.check.valid()) {
            return new ImportOutcome(false, read.check, 0, null);
        }
        String name = mappingName == null || mappingName.isBlank() ? ColumnMapping.DEFAULT_NAME : mappingName;
        String digest;
        try {
            digest = digest(read.file);
        } catch (IOException e) {
            return new ImportOutcome(false, StockFiles.unreadable(read.check.fileName(), read.check.fileTime(),
                    ImportProblem.UNREADABLE), 0, null);
        }
        Snapshot s = store.commit(w, create, read.check, digest, name, clock.instant(), beforeCommit::apply);
        LOG.info("Imported {} rows of {} into {} (file time {})", read.check.rows().size(), read.check.fileName(),
                w.sourceId(), read.check.fileTime());
        for (Consumer<CsvWarehouse> l : importListeners) {
            try {
                l.accept(w);
            } catch (RuntimeException e) {
                // The import is stored whatever a listener does with it.
                LOG.warn("After importing into {}: {}", w.sourceId(), e.toString());
            }
        }
        return new ImportOutcome(true, read.check, s.id(), s.takenAt());
    }

    /** Whether this exact file content is the warehouse's last import (the demo re-imports only new files). */
    public boolean isLastImport(String warehouseId, Path file) throws IOException {
        String d = digest(file);
        return store.lastImportDigest(warehouseId).map(d::equals).orElse(false);
    }

    /** The SHA-256 of a file, read as a stream. */
    static String digest(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
