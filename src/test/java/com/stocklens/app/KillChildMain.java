package com.stocklens.app;

import com.stocklens.app.connections.ConnectionService;
import com.stocklens.app.connections.SourceFactory;
import com.stocklens.app.demo.DemoConnections;
import com.stocklens.connector.StockSource;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.domain.DeclaredCause;
import com.stocklens.domain.Market;
import com.stocklens.domain.SyncRun;
import com.stocklens.domain.SyncStatus;
import com.stocklens.sandbox.SandboxServer;
import com.stocklens.service.ColumnMapping;
import com.stocklens.service.ImportField;
import com.stocklens.service.ImportOutcome;
import com.stocklens.sandbox.SimulatedWorld;
import com.stocklens.store.Database;
import com.stocklens.store.FaultInjection;
import com.stocklens.store.FlagRepository;
import com.stocklens.store.JdbiStockImportStore;
import com.stocklens.store.SnapshotRepository;
import com.stocklens.app.imports.StockImportService;
import com.stocklens.sync.SyncEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Child process of {@link KillDuringSyncTest}: runs real work against the workspace until it is
 * killed (by the parent's kill -9, or by {@link FaultInjection}'s halt after the n-th store step).
 *
 * <ul>
 *   <li>{@code sync DIR [COUNT]}: starts its own sandbox and syncs every demo source one after the
 *       other through the real connectors, {@code COUNT} times (forever when absent); prints
 *       {@code SYNCED <steps>} after each complete round, {@code steps} being the store steps so far.</li>
 *   <li>{@code declare DIR}: declares the open calibration tasks one by one; prints {@code DECLARED <id>}.</li>
 *   <li>{@code import DIR FILE [COUNT]}: imports the CSV {@code FILE} into the CSV warehouse
 *       {@value #IMPORT_WAREHOUSE} through {@link StockImportService}, {@code COUNT} times (forever when
 *       absent); prints {@code IMPORTED <steps>} after each import.</li>
 * </ul>
 * Prints {@code OPEN} once the workspace is open.
 */
public final class KillChildMain {
    private KillChildMain() {
    }

    public static void main(String[] args) {
        String mode = args[0];
        Path dir = Path.of(args[1]);
        Database db = Database.open(dir);
        StockImportService imports = mode.equals("import") ? imports(db) : null;
        FaultInjection.reload(); // count steps from here: opening (migrations) is not part of a sync
        say("OPEN");
        if (mode.equals("sync")) {
            sync(db, args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE);
        } else if (mode.equals("import")) {
            Path file = Path.of(args[2]);
            int count = args.length > 3 ? Integer.parseInt(args[3]) : Integer.MAX_VALUE;
            for (int i = 0; i < count; i++) {
                ImportOutcome out = imports.importFile(file, IMPORT_WAREHOUSE, null, importMapping());
                if (!out.imported()) {
                    say("REFUSED " + out.check().errors());
                }
                say("IMPORTED " + FaultInjection.steps());
            }
        } else if (mode.equals("declare")) {
            FlagRepository flags = new FlagRepository(db.jdbi());
            for (var task : flags.openTasks()) {
                flags.declare(task.id(), DeclaredCause.values()[0], "kill test", "tester", Instant.now());
                say("DECLARED " + task.id());
            }
            say("DONE");
        } else {
            throw new IllegalArgumentException(mode);
        }
        System.exit(0); // an orderly exit: also lets the JVM write the class-data archive the next children share
    }

    private static void sync(Database db, int rounds) {
        try (SandboxServer sandbox = SandboxServer.start(world())) {
            List<StockSource> sources = sources(sandbox);
            SyncEngine engine = engine(db, sources);
            for (int i = 0; i < rounds; i++) {
                for (StockSource s : sources) {
                    // Sequential, so the n-th store step is the same step in every child.
                    SyncRun run = engine.syncOnce(s);
                    if (run.status() != SyncStatus.COMPLETE) {
                        say("FAILED " + run.sourceId() + " " + run.error());
                    }
                }
                say("SYNCED " + FaultInjection.steps());
            }
        }
    }

    /** The CSV warehouse the import kills write to. */
    static final String IMPORT_WAREHOUSE = "KILL-MNL";

    /** The import service over {@code db}, with the kill test's CSV warehouse saved. */
    static StockImportService imports(Database db) {
        StockImportService s = new StockImportService(new JdbiStockImportStore(db.jdbi(), new SnapshotRepository(db.jdbi())),
                Clock.systemUTC());
        s.saveWarehouse(IMPORT_WAREHOUSE, "Manila partner warehouse", Market.PH, "PH-Luzon", ZoneId.of("Asia/Manila"));
        return s;
    }

    /** The columns of the kill test's CSV: SKU, Barcode, On hand, Available, In transit. */
    static ColumnMapping importMapping() {
        Map<ImportField, String> m = new EnumMap<>(ImportField.class);
        m.put(ImportField.SKU, "SKU");
        m.put(ImportField.BARCODE, "Barcode");
        m.put(ImportField.ON_HAND, "On hand");
        m.put(ImportField.AVAILABLE, "Available");
        m.put(ImportField.IN_TRANSIT, "In transit");
        return new ColumnMapping(m);
    }

    /** SKUs of the kill test's world: small, so one kill round stays cheap; still several pages per source. */
    static final int SKUS = 100;

    static SimulatedWorld world() {
        return new SimulatedWorld(DemoConnections.DEMO_SEED, SKUS, Clock.systemUTC());
    }

    /** The demo sources, through the real connectors, against {@code sandbox}. */
    static List<StockSource> sources(SandboxServer sandbox) {
        SourceFactory factory = new SourceFactory(new HttpClientFactory(), Clock.systemUTC());
        List<StockSource> out = new ArrayList<>();
        for (ConnectionService.Fixed d : DemoConnections.of(sandbox)) {
            Map<String, String> secrets = d.secrets();
            out.add(factory.create(d.connection(), secrets::get));
        }
        return List.copyOf(out);
    }

    /** An engine over {@code sources} (never started: the caller syncs explicitly). */
    static SyncEngine engine(Database db, List<StockSource> sources) {
        return new SyncEngine(sources, new SnapshotRepository(db.jdbi()), Clock.systemUTC(),
                Duration.ofMinutes(10), Map.of());
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
