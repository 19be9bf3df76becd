package com.stocklens.ui.stock;

import com.stocklens.domain.Bucket;
import com.stocklens.domain.ReturnItem;
import com.stocklens.domain.Sku;
import com.stocklens.domain.SourceKind;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.Warehouse;
import com.stocklens.rules.Staleness;
import com.stocklens.service.BoardRow;
import com.stocklens.service.PollerLeases;
import com.stocklens.service.ReturnsPoolReader;
import com.stocklens.service.SourceFreshness;
import com.stocklens.service.StockBoard;
import com.stocklens.service.StockBoardReader;
import com.stocklens.service.SyncEvents;
import com.stocklens.service.SyncProgress;
import com.stocklens.support.StartupTrace;
import com.stocklens.ui.BackgroundRefresh;
import com.stocklens.ui.WarehouseFilter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * State of the stock screen, free of any toolkit: rows of SKU × warehouse, the tile totals, the
 * freshness chips and the filter. Threading: reads happen on {@code background}, and so does the diff of
 * each board against the rows on show (issue 20): which rows changed, which are new or gone, which only
 * have newer reading times. Each read reaches the UI as one {@code ui.execute(apply)} that touches only the
 * changed rows of {@link #sortedRows()} ({@link ShownRows}). All properties must only be touched on the
 * {@code ui} executor's thread.
 */
public final class StockViewModel implements AutoCloseable {
    /** Key of the TikTok-available total, beside the seven bucket keys. */
    public static final String TIKTOK_AVAILABLE = "tiktokAvailable";


    private final StockBoardReader reader;
    private final SyncEvents syncEvents;
    private final Clock clock;
    private final Duration window;
    private final BackgroundRefresh<Prepared> loader;
    /** The last complete pair per row, so gaps hold still while one sync cycle lands (background reads only). */
    private volatile PairedGaps pairedGaps = new PairedGaps();

    /** The longest seller SKU of the board on show (found off the FX thread, with the rows). UI thread. */
    private String longestSku = "";
    /** Every row of the board on show, in base order; replaced (never changed) by each apply. UI thread. */
    private List<StockRowViewModel> rows = List.of();
    /** The rows on show by warehouse id and seller SKU, for the next board's diff; read on the background. */
    private volatile RowIndex applied = RowIndex.EMPTY;
    /** The filter's rows in the table's order. */
    private final ShownRows sortedRows = new ShownRows();
    private Predicate<StockRowViewModel> predicate;
    private final ObservableList<FreshnessChipViewModel> chips = FXCollections.observableArrayList();
    private final OfflineStatus offlineStatus = new OfflineStatus();
    private final ReadOnlyObjectWrapper<OfflineStatus.Verdict> offline =
            new ReadOnlyObjectWrapper<>(this, "offline", OfflineStatus.Verdict.ONLINE);
    private final WarehouseFilter warehouseFilter = new WarehouseFilter();
    private final Map<String, StockTotal> totals = new LinkedHashMap<>();
    /** The latest applied board's totals, overall and per warehouse (FX thread). */
    private Prepared shownTotals;
    /** True while an apply replaces the rows: selection changes it causes are not the person's. */
    private boolean applying;
    /** The rows the person selected and the one with keyboard focus, by {@link StockRowViewModel#key()}. */
    private List<String> selectedKeys = List.of();
    private String focusedKey;

    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ReadOnlyIntegerWrapper shownCount = new ReadOnlyIntegerWrapper(this, "shownCount");
    private final ReadOnlyIntegerWrapper totalCount = new ReadOnlyIntegerWrapper(this, "totalCount");
    private final ReadOnlyIntegerWrapper gapCount = new ReadOnlyIntegerWrapper(this, "gapCount");
    private final BooleanProperty gapsOnly = new SimpleBooleanProperty(this, "gapsOnly");
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError");
    private final ReadOnlyIntegerWrapper appliedSnapshots = new ReadOnlyIntegerWrapper(this, "appliedSnapshots");
    /** The first board's read, prepare and apply went to the start-up trace (issue 20). */
    private volatile boolean startTraced;

    public StockViewModel(StockBoardReader reader, SyncEvents syncEvents, Clock clock, Duration window,
                          Executor background, Executor ui) {
        this(reader, ReturnsPoolReader.NONE, syncEvents, clock, window, background, ui);
    }

    /**
     * @param returnsPool TikTok's returns buffer pool, read with every board so each row shows its SKU's
     *                    units in it
     */
    public StockViewModel(StockBoardReader reader, ReturnsPoolReader returnsPool, SyncEvents syncEvents,
                          Clock clock, Duration window, Executor background, Executor ui) {
        Objects.requireNonNull(returnsPool, "returnsPool");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.syncEvents = Objects.requireNonNull(syncEvents, "syncEvents");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
        this.loader = new BackgroundRefresh<Prepared>("the stock board",
                () -> {
                    boolean first = !startTraced;
                    StockBoard board = reader.read();
                    readPollers(board);
                    Map<String, Integer> pool = returnsPool.isKnown() ? poolBySku(returnsPool.openReturns()) : null;
                    if (first) {
                        StartupTrace.mark("stock board read, with the returns pool");
                    }
                    Prepared prepared = prepare(board, pool, pairedGaps.on(board, clock.instant(), window), applied,
                            sortedRows.view());
                    if (first) {
                        StartupTrace.mark("stock board prepared");
                    }
                    return prepared;
                },
                this::apply, loadError::set,
                background, ui);
        for (Bucket b : Bucket.values()) {
            totals.put(b.key(), new StockTotal(b.key()));
        }
        totals.put(TIKTOK_AVAILABLE, new StockTotal(TIKTOK_AVAILABLE));
        filterText.addListener((obs, o, n) -> updatePredicate());
        warehouseFilter.chosenProperty().addListener((obs, o, n) -> {
            updatePredicate();
            showTotals();
        });
        gapsOnly.addListener((obs, o, n) -> updatePredicate());
        sortedRows.addListener((ListChangeListener<StockRowViewModel>) c ->
                shownCount.set(sortedRows.size()));
        now.set(clock.instant());
    }

    /** The syncs under way, read on every tick for the chips' "syncing". */
    private volatile SyncProgress progress = SyncProgress.NONE;

    /**
     * The chips say "syncing" with the requests made so far while a source syncs (issue 16 item 4). Call
     * before {@link #start()}; returns this.
     */
    public StockViewModel withProgress(SyncProgress runs) {
        this.progress = runs == null ? SyncProgress.NONE : runs;
        return this;
    }

    /** Team mode: who polls which source; null on a lone workspace (the chips say nothing about it). */
    private volatile PollerLeases leases;
    /** Source id → its poller, read with the last board (team mode only). */
    private volatile Map<String, PollerLeases.Poller> pollers = Map.of();

    /**
     * Team mode: the freshness chips say "polled here" or "polled by &lt;desk&gt;" per source. A lone
     * workspace (leases not shared) changes nothing. Call before {@link #start()}; returns this.
     */
    public StockViewModel withPollers(PollerLeases newLeases) {
        this.leases = newLeases != null && newLeases.shared() ? newLeases : null;
        return this;
    }

    /** Background thread: reads who polls each source of {@code board} (a failure only loses the line). */
    private void readPollers(StockBoard board) {
        PollerLeases l = leases;
        if (l == null) {
            return;
        }
        Map<String, PollerLeases.Poller> out = new HashMap<>();
        try {
            for (SourceFreshness f : board.sources()) {
                if (!f.manual()) {
                    l.poller(f.source().id()).ifPresent(p -> out.put(p.sourceId(), p));
                }
            }
        } catch (RuntimeException e) {
            return;
        }
        pollers = Map.copyOf(out);
    }

    // ---- lifecycle ------------------------------------------------------------------------------

    /** Subscribes to sync events and loads the board once. */
    public void start() {
        loader.start(request -> syncEvents.subscribe(event -> request.run()));
    }

    /**
     * Asks for a fresh read of the board. Safe from any thread. Bursts coalesce: while a read is
     * queued and not yet started, further requests are dropped, because that read will see their data.
     */
    public void refresh() {
        loader.request();
    }

    /** Unsubscribes from sync events; reads already in flight are dropped. */
    @Override
    public void close() {
        loader.close();
    }

    // ---- applying a snapshot (ui thread) -----------------------------------------------------------

    /**
     * The base order: the widest gap first (an unknown gap as none), then by seller SKU and warehouse. Written out
     * rather than chained: sorting 100,000 rows makes about 1.7 million comparisons (issue 20).
     */
    static final Comparator<StockRowViewModel> URGENCY_FIRST = (a, b) -> {
        int c = Integer.compare(urgency(a), urgency(b));
        if (c == 0) {
            c = a.sellerSku().compareTo(b.sellerSku());
        }
        return c != 0 ? c : a.warehouse().id().compareTo(b.warehouse().id());
    };

    private static int urgency(StockRowViewModel r) {
        Integer gap = r.gap();
        return gap == null ? 0 : -Math.abs(gap);
    }

    /**
     * What an apply needs that can be computed off the FX thread: the rows in base order (the objects on
     * show kept where the figures did not change), the diff against {@code basis} (the rows on show when it
     * was prepared), the gap count and the tile sums. At 100k rows this is nearly all of an apply.
     *
     * @param gone    rows of {@code basis} that are not in this board (changed or removed), by identity
     * @param fresh   rows new in this board (changed or added), by identity
     * @param retimed rows of {@code basis} kept with the same figures but newer reading times
     * @param shown   the rows on show after this board, worked out from what was on show (null: the UI
     *                thread works it out)
     */
    record Prepared(StockBoard board, List<StockRowViewModel> rows, RowIndex index, RowIndex basis,
                    Set<StockRowViewModel> gone, Set<StockRowViewModel> fresh, List<Retimed> retimed,
                    ShownRows.Next shown, int gapCount, Map<String, Totals> totals,
                    Map<String, Map<String, Totals>> totalsByWarehouse, List<Warehouse> warehouses,
                    String longestSku) {
    }

    /** A kept row and the board row with its newer reading times. */
    record Retimed(StockRowViewModel row, BoardRow newer, PairedGaps.Shown shown) {
    }

    record Totals(Long sum, int reporting, int warehouses) {
    }

    /** The rows on show by warehouse id, then seller SKU, and in base order: what the next board is compared with. */
    record RowIndex(Map<String, Map<String, StockRowViewModel>> byWarehouse, List<StockRowViewModel> rows) {
        static final RowIndex EMPTY = new RowIndex(Map.of(), List.of());

        StockRowViewModel get(String warehouseId, String sellerSku) {
            Map<String, StockRowViewModel> skus = byWarehouse.get(warehouseId);
            return skus == null ? null : skus.get(sellerSku);
        }
    }

    /** Builds {@link Prepared} from a board, as if nothing were on show; pure, safe on any thread. */
    static Prepared prepare(StockBoard board) {
        return prepare(board, null, null, RowIndex.EMPTY, null);
    }

    /** As {@link #prepare(StockBoard)}, with the returns pool and the gaps {@code pairing} gives the rows. */
    static Prepared prepare(StockBoard board, Map<String, Integer> returnsPool, PairedGaps.Pairing pairing) {
        return prepare(board, returnsPool, pairing, RowIndex.EMPTY, null);
    }

    /**
     * As {@link #prepare(StockBoard)}, against {@code basis} (the rows on show), with the units each SKU has
     * in TikTok's returns pool; a SKU not in the map has 0, and a null map means the pool is unknown
     * (returns never read): every row shows "—". {@code onShow} is what the table showed of {@code basis}
     * (null: nothing is worked out for it here). Each row shows the gap {@code pairing} gives it (the last
     * complete pair while a sync cycle lands, {@link PairedGaps}); null: every row's own readings.
     */
    static Prepared prepare(StockBoard board, Map<String, Integer> returnsPool, PairedGaps.Pairing pairing,
                            RowIndex basis, ShownRows.View onShow) {
        List<StockRowViewModel> newRows = new ArrayList<>(board.rows().size());
        Map<String, Map<String, StockRowViewModel>> index = new HashMap<>();
        // Nothing on show (the start): every row is new, and the set is sized for them at once (at 100,000 rows its
        // growth from 32 slots was 13 of the 178 samples of the first board's preparation in a JFR recording).
        Set<StockRowViewModel> fresh = Collections.newSetFromMap(basis.rows().isEmpty()
                ? new IdentityHashMap<>(board.rows().size()) : new IdentityHashMap<>());
        List<Retimed> retimed = new ArrayList<>();
        Map<String, StockRowViewModel.WarehouseTexts> texts = new HashMap<>();
        // One search text per SKU, shared by its rows in every warehouse (100,000 rows of 33,000 SKUs: 67,000 fewer).
        Map<Sku, String> haystacks = new IdentityHashMap<>();
        int gaps = 0;
        String longestSku = "";
        for (BoardRow r : board.rows()) {
            Integer pool = returnsPool == null ? null : returnsPool.getOrDefault(r.sku().sellerSku(), 0);
            String warehouseId = r.warehouse().id();
            Map<String, StockRowViewModel> skus = index.computeIfAbsent(warehouseId, k -> new HashMap<>());
            StockRowViewModel old = basis.get(warehouseId, r.sku().sellerSku());
            // The row on show keeps its key: the pairing memory then shares it instead of a copy per board.
            String key = old != null ? old.key() : PairedGaps.key(r);
            PairedGaps.Shown shownGap = pairing == null ? null : pairing.shown(r, key);
            StockRowViewModel row;
            if (old != null && !skus.containsKey(r.sku().sellerSku()) && old.sameFigures(r, pool)
                    && old.showsGap(shownGap)) {
                row = old;
                PairedGaps.Shown now = old.shownFor(r, shownGap);
                if (!old.sameTimes(r) || !Objects.equals(old.gapPairedAt(), now.pairedAt())) {
                    retimed.add(new Retimed(old, r, now));
                }
            } else {
                row = new StockRowViewModel(r, pool, shownGap,
                        texts.computeIfAbsent(warehouseId, k -> StockRowViewModel.WarehouseTexts.of(r.warehouse())),
                        key, haystacks.computeIfAbsent(r.sku(), StockRowViewModel::haystack));
                fresh.add(row);
            }
            skus.putIfAbsent(r.sku().sellerSku(), row);
            newRows.add(row);
            if (r.sku().sellerSku().length() > longestSku.length()) {
                longestSku = r.sku().sellerSku();
            }
            if (row.hasGap()) {
                gaps++;
            }
        }
        if (pairing != null) {
            pairing.done();
        }
        // Base order before any column sort: the widest TikTok-vs-warehouse gaps first, so the most
        // urgent rows are the ones on show; then by SKU and warehouse for a stable scan.
        newRows.sort(URGENCY_FIRST);
        Set<StockRowViewModel> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map<String, StockRowViewModel> skus : basis.byWarehouse().values()) {
            for (StockRowViewModel old : skus.values()) {
                Map<String, StockRowViewModel> now = index.get(old.warehouse().id());
                if (now == null || now.get(old.sellerSku()) != old) {
                    gone.add(old);
                }
            }
        }
        Totalled totals = totals(board.rows());
        // What the table shows next, worked out here so the UI thread only swaps it in.
        ShownRows.Next shown = onShow != null && onShow.base() == basis.rows()
                ? ShownRows.next(onShow, newRows, gone, fresh, !retimed.isEmpty()) : null;
        return new Prepared(board, newRows, new RowIndex(index, newRows), basis, gone, fresh, retimed,
                shown, gaps, totals.overall(), totals.byWarehouse(), warehousesOf(board),
                longestSku);
    }

    /** Units per seller SKU in the returns buffer pool (requested, on the way back, awaiting QC). */
    static Map<String, Integer> poolBySku(List<ReturnItem> open) {
        Map<String, Integer> pool = new HashMap<>();
        for (ReturnItem item : open) {
            if (item.sellerSku() != null) {
                pool.merge(item.sellerSku(), 1, Integer::sum);
            }
        }
        return pool;
    }

    /** Replaces everything with {@code board} (diffed against the rows on show), as a read would. */
    void apply(StockBoard board) {
        apply(prepare(board, null, null, applied, sortedRows.view()));
    }

    /**
     * The FX-thread part of an apply: the kept rows' newer times, the changed rows into the rows on show
     * (a full recompute only when another apply came between the diff and now), then totals, chips and
     * counts.
     */
    void apply(Prepared prepared) {
        boolean first = !startTraced;
        startTraced = true;
        applying = true;
        try {
            applyRows(prepared);
        } finally {
            applying = false;
        }
        if (first) {
            StartupTrace.mark("stock board applied");
        }
    }

    private void applyRows(Prepared prepared) {
        StockBoard board = prepared.board();
        warehouseFilter.setWarehouses(prepared.warehouses());
        for (Retimed r : prepared.retimed()) {
            r.row().retime(r.newer(), r.shown());
        }
        rows = prepared.rows();
        longestSku = prepared.longestSku();
        if (prepared.basis() == applied) {
            sortedRows.apply(prepared.shown(), rows, prepared.gone(), prepared.fresh(),
                    !prepared.retimed().isEmpty());
        } else {
            sortedRows.reset(rows);
        }
        applied = prepared.index();
        totalCount.set(rows.size());
        gapCount.set(prepared.gapCount());
        shownCount.set(sortedRows.size());
        shownTotals = prepared;
        showTotals();
        Instant instant = clock.instant();
        List<FreshnessChipViewModel> newChips = buildChips(board);
        Map<String, SyncProgress.Running> running = progress.running();
        for (FreshnessChipViewModel chip : newChips) {
            chip.tick(instant, window, running.get(chip.freshness().source().id()));
        }
        // Stale sources first: the most urgent thing in the bar must not wrap out of sight.
        newChips.sort((a, b) -> Boolean.compare(b.isStale(), a.isStale()));
        updateChips(newChips);
        offline.set(offlineStatus.update(board.sources()));
        loadError.set(null);
        appliedSnapshots.set(appliedSnapshots.get() + 1);
        tick(instant);
    }

    private static List<String> totalKeysInOrder() {
        List<String> keys = new ArrayList<>();
        for (Bucket b : Bucket.values()) {
            keys.add(b.key());
        }
        keys.add(TIKTOK_AVAILABLE);
        return keys;
    }

    /** The tiles' keys in order: the seven buckets, then TikTok's available. */
    private static final List<String> TOTAL_KEYS = totalKeysInOrder();
    private static final Bucket[] BUCKETS = Bucket.values();

    /**
     * The tile totals of every warehouse and of all of them together, in one pass over the rows: a warehouse
     * reports a figure when one of its rows knows it (its total then sums the known ones), and the overall total
     * sums the warehouses that report it. At 100,000 rows one pass with a sum array per warehouse replaced two
     * passes that put every known figure's warehouse into a set per figure (issue 20).
     */
    static Totalled totals(List<BoardRow> boardRows) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<String, boolean[]> known = new HashMap<>();
        String lastId = null;
        long[] sum = null;
        boolean[] knows = null;
        for (BoardRow r : boardRows) {
            String wid = r.warehouse().id();
            if (!wid.equals(lastId)) {
                lastId = wid;
                sum = sums.computeIfAbsent(wid, k -> new long[TOTAL_KEYS.size()]);
                knows = known.computeIfAbsent(wid, k -> new boolean[TOTAL_KEYS.size()]);
            }
            StockLevel level = r.level();
            for (int i = 0; i < BUCKETS.length; i++) {
                Integer v = level.get(BUCKETS[i]);
                if (v != null) {
                    sum[i] += v;
                    knows[i] = true;
                }
            }
            Integer t = r.tiktokAvailable();
            if (t != null) {
                sum[BUCKETS.length] += t;
                knows[BUCKETS.length] = true;
            }
        }
        Map<String, Map<String, Totals>> byWarehouse = new HashMap<>();
        long[] all = new long[TOTAL_KEYS.size()];
        int[] reporting = new int[TOTAL_KEYS.size()];
        sums.forEach((wid, s) -> {
            boolean[] k = known.get(wid);
            Map<String, Totals> one = new LinkedHashMap<>();
            for (int i = 0; i < TOTAL_KEYS.size(); i++) {
                one.put(TOTAL_KEYS.get(i), new Totals(k[i] ? s[i] : null, k[i] ? 1 : 0, 1));
                if (k[i]) {
                    all[i] += s[i];
                    reporting[i]++;
                }
            }
            byWarehouse.put(wid, one);
        });
        Map<String, Totals> overall = new LinkedHashMap<>();
        for (int i = 0; i < TOTAL_KEYS.size(); i++) {
            overall.put(TOTAL_KEYS.get(i), new Totals(reporting[i] == 0 ? null : all[i], reporting[i], sums.size()));
        }
        return new Totalled(overall, byWarehouse);
    }

    /** The totals of all warehouses together, and of each alone by warehouse id. */
    record Totalled(Map<String, Totals> overall, Map<String, Map<String, Totals>> byWarehouse) {
    }

    /**
     * Shows the totals of the warehouses chosen in the filter, summed (all of them when none is chosen): a
     * total is unknown when none of them reports it, and counts how many of them do.
     */
    private void showTotals() {
        Prepared p = shownTotals;
        if (p == null) {
            return;
        }
        Set<String> chosen = warehouseFilter.chosen();
        totals.forEach((key, total) -> {
            if (chosen.isEmpty()) {
                Totals of = p.totals().get(key);
                total.set(of == null ? null : of.sum(), of == null ? 0 : of.reporting(),
                        of == null ? 0 : of.warehouses());
                return;
            }
            Long sum = null;
            int reporting = 0;
            for (String id : chosen) {
                Totals of = p.totalsByWarehouse().getOrDefault(id, Map.of()).get(key);
                if (of != null && of.sum() != null) {
                    sum = (sum == null ? 0 : sum) + of.sum();
                    reporting += of.reporting();
                }
            }
            total.set(sum, reporting, chosen.size());
        });
    }

    /**
     * One chip per shop source, and one per warehouse of each warehouse source (the seller thinks in
     * warehouses: "ShipBob · Moreno Valley (CA)"). A warehouse source with no known warehouses still
     * gets a chip, so a source that never synced is visible.
     */
    /** Team mode: the chip's poller line — here, another desk, or nobody (empty); null on a lone workspace. */
    private FreshnessChipViewModel.Polling pollerOf(SourceFreshness s) {
        if (leases == null || s.manual()) {
            return null;
        }
        PollerLeases.Poller p = pollers.get(s.source().id());
        return new FreshnessChipViewModel.Polling(p == null ? null : p.desk(), p != null && p.here());
    }

    private List<FreshnessChipViewModel> buildChips(StockBoard board) {
        List<FreshnessChipViewModel> result = new ArrayList<>();
        List<SourceFreshness> sources = new ArrayList<>(board.sources());
        // Warehouses first (what the stock numbers come from), then the shop.
        sources.sort((a, b) -> Boolean.compare(a.source().kind() == SourceKind.SHOP, b.source().kind() == SourceKind.SHOP));
        for (SourceFreshness s : sources) {
            List<Warehouse> ofSource = new ArrayList<>();
            if (s.source().kind() == SourceKind.WAREHOUSE) {
                for (Warehouse w : board.warehouses()) {
                    if (w.provider() == s.source().provider()) {
                        ofSource.add(w);
                    }
                }
            }
            if (ofSource.isEmpty()) {
                result.add(new FreshnessChipViewModel(s, null, pollerOf(s)));
            } else {
                for (Warehouse w : ofSource) {
                    result.add(new FreshnessChipViewModel(s, w.name(), pollerOf(s)));
                }
            }
        }
        return result;
    }

    /** The board's warehouses, then those only its rows name; off the UI thread (it reads every row). */
    private static List<Warehouse> warehousesOf(StockBoard board) {
        Map<String, Warehouse> seen = new LinkedHashMap<>();
        for (Warehouse w : board.warehouses()) {
            seen.putIfAbsent(w.id(), w);
        }
        for (BoardRow r : board.rows()) {
            seen.putIfAbsent(r.warehouse().id(), r.warehouse());
        }
        return List.copyOf(seen.values());
    }

    private void updatePredicate() {
        String needle = filterText.get() == null ? "" : filterText.get().strip().toLowerCase(Locale.ROOT);
        Set<String> only = warehouseFilter.chosen();
        boolean onlyGaps = gapsOnly.get();
        if (needle.isEmpty() && only.isEmpty() && !onlyGaps) {
            predicate = null;
        } else {
            predicate = r -> (!onlyGaps || r.hasGap()) && (only.isEmpty() || only.contains(r.warehouse().id()))
                    && r.matches(needle);
        }
        sortedRows.setPredicate(predicate);
        shownCount.set(sortedRows.size());
    }

    // ---- what the person was doing, across a rebuilt window ---------------------------------------

    /**
     * What the person set up on the stock screen: the filter, the warehouse, "gaps only", the selection and
     * the focused row, and the gaps it remembers pairing. A language switch builds a new window and hands
     * this to its view model ({@link #restore}), so nothing the person did is lost.
     */
    public record ScreenState(String filterText, Set<String> warehouseIds, boolean gapsOnly,
                              List<String> selectedKeys, String focusedKey, PairedGaps pairing) {
    }

    /** The screen's state now (FX thread). */
    public ScreenState screenState() {
        return new ScreenState(filterText.get(), warehouseFilter.chosen(), gapsOnly.get(), selectedKeys, focusedKey,
                pairedGaps);
    }

    /** Takes over a previous window's state; call before the first board arrives (FX thread). */
    public void restore(ScreenState state) {
        // Like an apply: the table's own reaction to the restored filter is not the person's choice.
        applying = true;
        try {
            selectedKeys = List.copyOf(state.selectedKeys());
            focusedKey = state.focusedKey();
            if (state.pairing() != null) {
                pairedGaps = state.pairing();
            }
            filterText.set(state.filterText() == null ? "" : state.filterText());
            gapsOnly.set(state.gapsOnly());
            // Before the first board the filter knows no warehouse: the choice waits for it.
            warehouseFilter.choose(state.warehouseIds() == null ? Set.of() : state.warehouseIds());
        } finally {
            applying = false;
        }
        // The board may already be on screen (a read that completed inline): the view selects again.
        selectionRestored.set(selectionRestored.get() + 1);
    }

    private final ReadOnlyIntegerWrapper selectionRestored = new ReadOnlyIntegerWrapper(this, "selectionRestored");

    /** Counts {@link #restore} calls: the view selects the remembered rows again on each. */
    public ReadOnlyIntegerProperty selectionRestoredProperty() {
        return selectionRestored.getReadOnlyProperty();
    }

    // ---- selection --------------------------------------------------------------------------------

    /**
     * The view tells which rows the person selected and which has the keyboard focus, by row key, so both
     * come back after a refresh (whether the rows were replaced or patched) and after a language switch.
     * Ignored while an apply is under way: the table's own reaction to new rows is not a choice.
     */
    public void rememberSelection(List<String> keys, String focused) {
        if (applying) {
            return;
        }
        selectedKeys = List.copyOf(keys);
        focusedKey = focused;
    }

    /** Keys of the rows selected, in the order selected. */
    public List<String> selectedKeys() {
        return selectedKeys;
    }

    /** Key of the row with the keyboard focus; null for none. */
    public String focusedKey() {
        return focusedKey;
    }

    /** True while new rows are being applied (FX thread). */
    public boolean isApplying() {
        return applying;
    }

    // ---- time ------------------------------------------------------------------------------------

    /** Advances the screen's notion of "now": ages and stale flags. Called once a second by the view. */
    public void tick(Instant instant) {
        now.set(instant);
        Map<String, SyncProgress.Running> running = progress.running();
        for (FreshnessChipViewModel chip : chips) {
            chip.tick(instant, window, running.get(chip.freshness().source().id()));
        }
    }

    /**
     * The same chips in the same order are updated in place (the bar keeps its nodes and only their texts
     * change); another set or order replaces them.
     */
    private void updateChips(List<FreshnessChipViewModel> next) {
        boolean same = next.size() == chips.size();
        for (int i = 0; same && i < next.size(); i++) {
            same = next.get(i).key().equals(chips.get(i).key());
        }
        if (!same) {
            chips.setAll(next);
            return;
        }
        for (int i = 0; i < next.size(); i++) {
            chips.get(i).update(next.get(i)); // the apply's tick ages them
        }
    }

    /** Whether a reading taken at {@code readingAt} is past the window at the current {@link #nowProperty()}. */
    public boolean isStale(Instant readingAt) {
        return Staleness.isStale(readingAt, now.get(), window);
    }

    /** Age of a reading at the current {@link #nowProperty()}; {@code null} for no reading. */
    public Duration ageOf(Instant readingAt) {
        return readingAt == null ? null : Staleness.age(readingAt, now.get());
    }

    // ---- exposed state ---------------------------------------------------------------------------

    /**
     * The rows after filtering, sorted by whatever comparator the view sets on
     * {@link ShownRows#comparatorProperty()} (base order without one); each apply changes only what changed.
     */
    public ShownRows sortedRows() {
        return sortedRows;
    }

    /** The row of {@code key} ({@link StockRowViewModel#key()}) on the latest board, if any. */
    public Optional<StockRowViewModel> row(String key) {
        for (StockRowViewModel r : rows) {
            if (r.key().equals(key)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The longest seller SKU of the latest snapshot ("" before the first): what the SKU column is sized for. */
    public String longestSku() {
        return longestSku;
    }

    /** All rows of the latest snapshot, unfiltered, read-only. */
    public List<StockRowViewModel> allRows() {
        return Collections.unmodifiableList(rows);
    }

    /** Rows after the filter, in snapshot (base) order; a copy, not kept up to date. */
    public List<StockRowViewModel> filteredRows() {
        Predicate<StockRowViewModel> p = predicate;
        return p == null ? List.copyOf(rows) : rows.stream().filter(p).toList();
    }

    public ObservableList<FreshnessChipViewModel> chips() {
        return chips;
    }

    /** The warehouse filter: the board's warehouses and the ones chosen (none: all); the tiles follow it too. */
    public WarehouseFilter warehouseFilter() {
        return warehouseFilter;
    }

    /** The tile total for a bucket key ({@link Bucket#key()}) or {@link #TIKTOK_AVAILABLE}. */
    public StockTotal total(String key) {
        StockTotal t = totals.get(key);
        if (t == null) {
            throw new IllegalArgumentException("No total " + key);
        }
        return t;
    }

    public StockTotal total(Bucket bucket) {
        return total(bucket.key());
    }

    /** Keys of every tile, in display order: the seven buckets, then TikTok available. */
    public List<String> totalKeys() {
        return List.copyOf(totals.keySet());
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ReadOnlyIntegerProperty shownCountProperty() {
        return shownCount.getReadOnlyProperty();
    }

    /** Rows of the latest snapshot where TikTok and the warehouse disagree on available stock. */
    public ReadOnlyIntegerProperty gapCountProperty() {
        return gapCount.getReadOnlyProperty();
    }

    /** When true, only rows with a gap are shown. */
    public BooleanProperty gapsOnlyProperty() {
        return gapsOnly;
    }

    public ReadOnlyIntegerProperty totalCountProperty() {
        return totalCount.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    /**
     * Whether every polled source failed its latest attempt (the network is down, or every API is): the
     * window then says it shows cached data, and from when.
     */
    public ReadOnlyObjectProperty<OfflineStatus.Verdict> offlineProperty() {
        return offline.getReadOnlyProperty();
    }

    /** The latest read failure, {@code null} after a good read. */
    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    /** How many snapshots have been applied; lets tests and the view tell "not loaded yet" from "empty". */
    public ReadOnlyIntegerProperty appliedSnapshotsProperty() {
        return appliedSnapshots.getReadOnlyProperty();
    }

    public Duration window() {
        return window;
    }
}
