package com.stocklens.bench;

import com.stocklens.connector.StockSource;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.connector.http.HttpPolicy;
import com.stocklens.connector.shipbob.ShipBobConfig;
import com.stocklens.connector.shipbob.ShipBobSource;
import com.stocklens.rules.Staleness;
import com.stocklens.sandbox.SandboxClock;
import com.stocklens.sandbox.SandboxCredentials;
import com.stocklens.sandbox.SimulatedWorld;
import com.stocklens.service.StockBoard;
import com.stocklens.store.Database;
import com.stocklens.store.JdbiStockBoardReader;
import com.stocklens.store.SnapshotRepository;
import com.stocklens.sync.SyncEngine;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.FxViewLoader;
import com.stocklens.ui.Messages;
import com.stocklens.ui.UiContext;
import com.stocklens.ui.stock.StockView;
import com.stocklens.ui.stock.StockViewModel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * The UI figures of {@link BenchMain} (issue 20), in a JVM of their own started with the app's launcher options:
 * the stock screen over the bench's 100k-row workspace, synced from the bench's sandbox over loopback, as the
 * window is in a live workspace. The simulated world and the sandbox's serving stay in the bench process, so
 * the collections this process makes (and the pauses of its FX thread) are those of the app's own heap.
 *
 * <p>Args: {@code WORKSPACE SHIPBOB_BASE_URL CLOCK_INSTANT}. Driven over stdin and stdout, one line each:
 * it prints {@code ready} once the first board is on show; {@code sync SECONDS} advances its clock as the
 * bench advanced the world's, syncs ShipBob once and waits for the apply; {@code sort} sorts by two columns;
 * {@code sync-sorted SECONDS} syncs with a column sort on; {@code filter} types into the search; each answers
 * with {@code key=value} lines and {@code done}. {@code quit} ends it.
 */
public final class UiSyncBench {
    private final PrintStream out;
    private final SandboxClock clock;
    private final SyncEngine engine;
    private final StockSource shipbob;
    private final List<Long> applyNanos = new CopyOnWriteArrayList<>();
    private StockViewModel vm;
    private TableView<?> table;
    private final PulseGaps gaps = new PulseGaps();

    private UiSyncBench(PrintStream out, SandboxClock clock, SyncEngine engine, StockSource shipbob) {
        this.out = out;
        this.clock = clock;
        this.engine = engine;
        this.shipbob = shipbob;
    }

    public static void main(String[] args) throws Exception {
        // Monocle headless, as the bench's own UI figures were: must be set before the toolkit class loads.
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        // stdout carries the answers; everything else (logs) goes to stderr.
        PrintStream answers = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        Path workspace = Path.of(args[0]);
        SandboxClock clock = new SandboxClock(Instant.parse(args[2]));
        ShipBobConfig app = ShipBobConfig.of(args[1], SandboxCredentials.SHIPBOB_TOKEN)
                .withLinks(SimulatedWorld.demoLinks(), SimulatedWorld.demoRegions());
        // The app's page size, without the client-side rate limit: the bench's sandbox has its limits off too.
        ShipBobConfig config = new ShipBobConfig(app.baseUrl(), app.token(), app.apiVersion(), app.pageSize(),
                app.tiktokWarehouseLinks(), app.regions(), 1_000_000);
        StockSource shipbob = new ShipBobSource(BenchMain.SHIPBOB, config, new HttpClientFactory(),
                HttpPolicy.defaults("shipbob"), clock);
        try (Database db = Database.open(workspace);
             SyncEngine engine = new SyncEngine(List.of(shipbob), new SnapshotRepository(db.jdbi()), clock,
                     Duration.ofHours(1), Map.of())) {
            UiSyncBench bench = new UiSyncBench(answers, clock, engine, shipbob);
            bench.open(db);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                String[] command = line.split(" ");
                switch (command[0]) {
                    case "sync" -> bench.sync(Duration.ofSeconds(Long.parseLong(command[1])), false);
                    case "sync-sorted" -> bench.sync(Duration.ofSeconds(Long.parseLong(command[1])), true);
                    case "sort" -> bench.sort();
                    case "filter" -> bench.filter();
                    default -> throw new IllegalArgumentException("unknown command " + line);
                }
                answers.println("done");
            }
            bench.close();
        }
        System.exit(0);
    }

    private void open(Database db) throws Exception {
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        JdbiStockBoardReader reader = new JdbiStockBoardReader(db.jdbi(), List.of(BenchMain.TIKTOK, BenchMain.SHIPBOB));
        long r0 = System.nanoTime();
        StockBoard board = reader.read();
        System.err.printf(Locale.ROOT, "[bench] board read: %d rows in %d ms (ui process, cold)%n",
                board.rows().size(), BenchMain.ms(r0));
        out.println("boardReadMs=" + BenchMain.ms(r0));
        ExecutorService background = Executors.newSingleThreadExecutor();
        this.background = background;
        // The UI executor as the app's, timed: each apply of a board is one runnable on the FX thread.
        Executor ui = r -> Platform.runLater(() -> {
            long t0 = System.nanoTime();
            r.run();
            long took = System.nanoTime() - t0;
            applyNanos.add(took);
            if (took > 20_000_000L) {
                System.err.printf(Locale.ROOT, "[bench] apply of %.1f ms ending at epoch ms %d%n", took / 1e6,
                        System.currentTimeMillis());
            }
        });
        onFx(() -> {
            FxTheme.apply();
            Messages messages = new Messages(UiContext.ENGLISH);
            vm = new StockViewModel(reader, engine, clock, Staleness.DEFAULT_WINDOW, background, ui);
            FxViewLoader loader = new FxViewLoader(messages.bundle(), type -> new StockView(vm, messages, clock));
            FxViewLoader.Loaded<StockView> loaded = loader.load(StockView.class);
            FxTheme.style(loaded.root());
            Stage stage = new Stage();
            stage.setScene(new Scene(loaded.root(), 1280, 800));
            stage.show();
            table = (TableView<?>) stage.getScene().lookup("#stockTable");
            gaps.start();
            return null;
        });
        // The first load (cold); the figures are of the syncs after it.
        vm.start();
        waitFor(() -> onFxQuiet(() -> vm.appliedSnapshotsProperty().get()) >= 1, 120);
        Thread.sleep(500);
        out.println("ready");
    }

    private ExecutorService background;

    /** One ShipBob sync with the screen live: its apply, and the gaps between pulses while it ran. */
    private void sync(Duration advance, boolean sorted) throws Exception {
        onFx(() -> {
            gaps.reset();
            return null;
        });
        applyNanos.clear();
        clock.advance(advance);
        int applied = onFxQuiet(() -> vm.appliedSnapshotsProperty().get());
        long s0 = System.nanoTime();
        engine.syncOnce(shipbob);
        waitFor(() -> onFxQuiet(() -> vm.appliedSnapshotsProperty().get()) > applied, 120);
        Thread.sleep(300);
        double applyMs = applyNanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
        if (sorted) {
            out.println("uiApplySortedMs=" + BenchMain.round1(applyMs));
            onFx(() -> {
                table.getSortOrder().clear();
                return null;
            });
            return;
        }
        out.println("uiApplyMs=" + BenchMain.round1(applyMs));
        out.println("syncWindowMs=" + BenchMain.ms(s0));
        out.println("pulsesOver16ms=" + gaps.countOver(16.7 * 2));
        out.println("longPulses=" + gaps.countOver(100));
        out.println("worstPulseGapMs=" + BenchMain.round1(gaps.worst()));
        out.println("uiRows=" + onFxQuiet(() -> vm.totalCountProperty().get()));
    }

    /** One click on a numeric column header, then on the SKU's; the worst of the two. The last sort stays on. */
    private void sort() throws Exception {
        double sortMs = 0;
        for (String id : List.of("availableColumn", "sellerSkuColumn")) {
            sortMs = Math.max(sortMs, onFxTimed(() -> {
                TableColumn<?, ?> col = table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst()
                        .orElseThrow();
                sortBy(table, col);
            }));
        }
        out.println("uiSortMs=" + BenchMain.round1(sortMs));
    }

    /** One keystroke's worth of predicate change, after the debounce (set on the view model); the worst of four. */
    private void filter() throws Exception {
        double filterMs = 0;
        for (String text : List.of("s", "sk", "sku-1", "")) {
            filterMs = Math.max(filterMs, onFxTimed(() -> vm.filterTextProperty().set(text)));
        }
        out.println("uiFilterMs=" + BenchMain.round1(filterMs));
    }

    private void close() throws Exception {
        vm.close();
        onFx(() -> {
            gaps.stop();
            return null;
        });
        background.shutdownNow();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void sortBy(TableView table, TableColumn col) {
        col.setSortType(TableColumn.SortType.DESCENDING);
        table.getSortOrder().setAll(col);
    }

    /** Gaps between consecutive pulses, as an AnimationTimer sees them: a long gap is a frozen screen. */
    private static final class PulseGaps extends AnimationTimer {
        private final List<Double> gaps = new CopyOnWriteArrayList<>();
        private long last;

        @Override
        public void handle(long now) {
            if (last != 0) {
                gaps.add((now - last) / 1e6);
                if (now - last > 100_000_000L) {
                    System.err.printf(Locale.ROOT, "[bench] long pulse gap %.1f ms ending at epoch ms %d%n",
                            (now - last) / 1e6, System.currentTimeMillis());
                }
            }
            last = now;
        }

        /**
         * Forgets the gaps so far; FX thread. The pulse under way starts the count afresh: a long first-load
         * pulse still running when the window opens is not a pulse of the sync.
         */
        void reset() {
            gaps.clear();
            last = 0;
        }

        int countOver(double ms) {
            return (int) gaps.stream().filter(g -> g > ms).count();
        }

        double worst() {
            return gaps.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> error = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                result.set(work.call());
            } catch (Exception e) {
                error.set(e);
            } finally {
                done.countDown();
            }
        });
        if (!done.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("FX thread did not answer");
        }
        if (error.get() != null) {
            throw error.get();
        }
        return result.get();
    }

    private static <T> T onFxQuiet(Callable<T> work) {
        try {
            return onFx(work);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double onFxTimed(Runnable work) throws Exception {
        return onFx(() -> {
            long t0 = System.nanoTime();
            work.run();
            return (System.nanoTime() - t0) / 1e6;
        });
    }

    private static void waitFor(Supplier<Boolean> condition, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.get()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(20);
        }
    }
}
