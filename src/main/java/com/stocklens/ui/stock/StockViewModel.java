package com.stocklens.ui.stock;

import com.stocklens.domain.Bucket;
import com.stocklens.domain.ReturnItem;
import com.stocklens.domain.SourceKind;
import com.stocklens.domain.Warehouse;
import com.stocklens.rules.Staleness;
import com.stocklens.service.BoardRow;
import com.stocklens.service.PollerLeases;
import com.stocklens.service.ReturnsPoolReader;
import com.stocklens.service.SourceFreshness;
import com.stocklens.service.StockBoard;
import com.stocklens.service.StockBoardReader;
import com.stocklens.service.SyncEvents;
import com.stocklens.ui.BackgroundRefresh;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * State of the stock screen, free of any toolkit: rows of SKU × warehouse, the tile totals, the
 * freshness chips and the filter. Threading: reads happen on {@code background}; each read reaches
 * the UI as one {@code ui.execute(apply)} that replaces all rows with a single {@code setAll}. All
 * properties must only be touched on the {@code ui} executor's thread.
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

    /** True while a refresh is queued but has not started reading: further requests fold into it. */

    // The only list that grows with the data; it is replaced whole per snapshot, never appended to.
    private final ObservableList<StockRowViewModel> rows = FXCollections.observableArrayList();
    private final FilteredList<StockRowViewModel> filteredRows = new FilteredList<>(rows);
    private final SortedList<StockRowViewModel> sortedRows = new SortedList<>(filteredRows);
    private final ObservableList<FreshnessChipViewModel> chips = FXCollections.observableArrayList();
    private final OfflineStatus offlineStatus = new OfflineStatus();
    private final ReadOnlyObjectWrapper<OfflineStatus.Verdict> offline =
            new ReadOnlyObjectWrapper<>(this, "offline", OfflineStatus.Verdict.ONLINE);
    private final ObservableList<WarehouseChoice> warehouseChoices =
            FXCollections.observableArrayList(WarehouseChoice.ALL);
    private final Map<String, StockTotal> totals = new LinkedHashMap<>();
    /** The latest applied board's totals, overall and per warehouse (FX thread). */
    private Prepared shownTotals;
    /** True while an apply replaces the rows: selection changes it causes are not the person's. */
    private boolean applying;
    /** The rows the person selected and the one with keyboard focus, by {@link StockRowViewModel#key()}. */
    private List<String> selectedKeys = List.of();
    private String focusedKey;

    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ObjectProperty<WarehouseChoice> selectedWarehouse =
            new SimpleObjectProperty<>(this, "selectedWarehouse", WarehouseChoice.ALL);
    private final ReadOnlyIntegerWrapper shownCount = new ReadOnlyIntegerWrapper(this, "shownCount");
    private final ReadOnlyIntegerWrapper totalCount = new ReadOnlyIntegerWrapper(this, "totalCount");
    private final ReadOnlyIntegerWrapper gapCount = new ReadOnlyIntegerWrapper(this, "gapCount");
    private final BooleanProperty gapsOnly = new SimpleBooleanProperty(this, "gapsOnly");
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError");
    private final ReadOnlyIntegerWrapper appliedSnapshots = new ReadOnlyIntegerWrapper(this, "appliedSnapshots");

    /** A choice in the warehouse filter: one warehouse, or {@link #ALL} ({@code warehouse == null}). */
    public record WarehouseChoice(Warehouse warehouse) {
        public static final WarehouseChoice ALL = new WarehouseChoice(null);

        public boolean isAll() {
            return warehouse == null;
        }
    }

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
                    StockBoard board = reader.read();
                    readPollers(board);
                    return prepare(board, returnsPool.isKnown() ? poolBySku(returnsPool.openReturns()) : null,
                            pairedGaps.on(board, clock.instant(), window));
                },
                this::apply, loadError::set,
                background, ui);
        for (Bucket b : Bucket.values()) {
            totals.put(b.key(), new StockTotal(b.key()));
        }
        totals.put(TIKTOK_AVAILABLE, new StockTotal(TIKTOK_AVAILABLE));
        filterText.addListener((obs, o, n) -> updatePredicate());
        selectedWarehouse.addListener((obs, o, n) -> {
            updatePredicate();
            showTotals();
        });
        gapsOnly.addListener((obs, o, n) -> updatePredicate());
        filteredRows.addListener((ListChangeListener<StockRowViewModel>) c ->
                shownCount.set(filteredRows.size()));
        now.set(clock.instant());
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

    static final Comparator<StockRowViewModel> URGENCY_FIRST = Comparator
            .comparingInt((StockRowViewModel r) -> r.gap() == null ? 0 : -Math.abs(r.gap()))
            .thenComparing(StockRowViewModel::sellerSku)
            .thenComparing(r -> r.warehouse().id());

    /**
     * What an apply needs that can be computed off the FX thread: the row view models in base order,
     * the gap count and the tile sums. At 100k rows this was most of the FX-thread time of an apply.
     */
    record Prepared(StockBoard board, List<StockRowViewModel> rows, int gapCount, Map<String, Totals> totals,
                    Map<String, Map<String, Totals>> totalsByWarehouse) {
    }

    record Totals(Long sum, int reporting, int warehouses) {
    }

    /** Builds {@link Prepared} from a board; pure, safe on any thread. */
    static Prepared prepare(StockBoard board) {
        return prepare(board, null);
    }

    /**
     * As {@link #prepare(StockBoard)}, with the units each SKU has in TikTok's returns pool; a SKU not in
     * the map has 0, and a null map means the pool is unknown (returns never read): every row shows "—".
     */
    static Prepared prepare(StockBoard board, Map<String, Integer> returnsPool) {
        return prepare(board, returnsPool, null);
    }

    /**
     * As {@link #prepare(StockBoard, Map)}, each row showing the gap {@code pairing} gives it (the last
     * complete pair while a sync cycle lands, {@link PairedGaps}); null: every row's own readings.
     */
    static Prepared prepare(StockBoard board, Map<String, Integer> returnsPool, PairedGaps.Pairing pairing) {
        List<StockRowViewModel> newRows = new ArrayList<>(board.rows().size());
        int gaps = 0;
        for (BoardRow r : board.rows()) {
            StockRowViewModel row = new StockRowViewModel(r,
                    returnsPool == null ? null : returnsPool.getOrDefault(r.sku().sellerSku(), 0),
                    pairing == null ? null : pairing.shown(r));
            newRows.add(row);
            if (row.hasGap()) {
                gaps++;
            }
        }
        if (pairing != null) {
            pairing.done();
        }
        // Base order before any column sort: the widest TikTok-vs-warehouse gaps first, so the most
        // urgent rows are the ones on screen; then by SKU and warehouse for a stable scan.
        newRows.sort(URGENCY_FIRST);
        return new Prepared(board, newRows, gaps, computeTotals(board.rows()), totalsByWarehouse(board.rows()));
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

    /** Replaces everything with {@code board}: one {@code setAll} for the rows, totals and chips recomputed. */
    void apply(StockBoard board) {
        apply(prepare(board));
    }

    /** The FX-thread part of an apply: one {@code setAll}, then totals, chips and counts. */
    void apply(Prepared prepared) {
        applying = true;
        try {
            applyRows(prepared);
        } finally {
            applying = false;
        }
    }

    private void applyRows(Prepared prepared) {
        StockBoard board = prepared.board();
        List<StockRowViewModel> newRows = prepared.rows();
        updateWarehouseChoices(board);
        rows.setAll(newRows);
        totalCount.set(newRows.size());
        gapCount.set(prepared.gapCount());
        shownCount.set(filteredRows.size());
        shownTotals = prepared;
        showTotals();
        Instant instant = clock.instant();
        List<FreshnessChipViewModel> newChips = buildChips(board);
        for (FreshnessChipViewModel chip : newChips) {
            chip.tick(instant, window);
        }
        // Stale sources first: the most urgent thing in the bar must not wrap out of sight.
        newChips.sort((a, b) -> Boolean.compare(b.isStale(), a.isStale()));
        chips.setAll(newChips);
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

    private static Map<String, Totals> computeTotals(List<BoardRow> boardRows) {
        Set<String> allWarehouses = new HashSet<>();
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<String, Set<String>> reporting = new LinkedHashMap<>();
        for (String key : totalKeysInOrder()) {
            sums.put(key, new long[1]);
            reporting.put(key, new HashSet<>());
        }
        for (BoardRow r : boardRows) {
            String wid = r.warehouse().id();
            allWarehouses.add(wid);
            for (Bucket b : Bucket.values()) {
                add(sums, reporting, b.key(), r.level().get(b), wid);
            }
            add(sums, reporting, TIKTOK_AVAILABLE, r.tiktokAvailable(), wid);
        }
        Map<String, Totals> out = new LinkedHashMap<>();
        for (String key : sums.keySet()) {
            int reportingCount = reporting.get(key).size();
            Long sum = reportingCount == 0 ? null : sums.get(key)[0];
            out.put(key, new Totals(sum, reportingCount, allWarehouses.size()));
        }
        return out;
    }

    /** The tile totals of each warehouse alone, so the tiles follow the warehouse filter without a re-read. */
    private static Map<String, Map<String, Totals>> totalsByWarehouse(List<BoardRow> boardRows) {
        Map<String, List<BoardRow>> byWarehouse = new HashMap<>();
        for (BoardRow r : boardRows) {
            byWarehouse.computeIfAbsent(r.warehouse().id(), k -> new ArrayList<>()).add(r);
        }
        Map<String, Map<String, Totals>> out = new HashMap<>();
        byWarehouse.forEach((id, rowsOfOne) -> out.put(id, computeTotals(rowsOfOne)));
        return out;
    }

    /** Shows the totals of the warehouse chosen in the filter (all of them for "all warehouses"). */
    private void showTotals() {
        Prepared p = shownTotals;
        if (p == null) {
            return;
        }
        WarehouseChoice choice = selectedWarehouse.get();
        Map<String, Totals> t = choice == null || choice.isAll() ? p.totals()
                : p.totalsByWarehouse().getOrDefault(choice.warehouse().id(), NO_TOTALS);
        totals.forEach((key, total) -> {
            Totals of = t.get(key);
            if (of == null) {
                total.set(null, 0, choice == null || choice.isAll() ? 0 : 1);
            } else {
                total.set(of.sum(), of.reporting(), of.warehouses());
            }
        });
    }

    private static final Map<String, Totals> NO_TOTALS = Map.of();

    private static void add(Map<String, long[]> sums, Map<String, Set<String>> reporting,
                            String key, Integer value, String warehouseId) {
        if (value != null) {
            sums.get(key)[0] += value;
            reporting.get(key).add(warehouseId);
        }
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

    private void updateWarehouseChoices(StockBoard board) {
        List<WarehouseChoice> choices = new ArrayList<>();
        choices.add(WarehouseChoice.ALL);
        Map<String, Warehouse> seen = new LinkedHashMap<>();
        for (Warehouse w : board.warehouses()) {
            seen.putIfAbsent(w.id(), w);
        }
        for (BoardRow r : board.rows()) {
            seen.putIfAbsent(r.warehouse().id(), r.warehouse());
        }
        for (Warehouse w : seen.values()) {
            choices.add(new WarehouseChoice(w));
        }
        // Touch the list only when it changed, so an open drop-down does not close on every sync.
        if (!choices.equals(warehouseChoices)) {
            WarehouseChoice keep = selectedWarehouse.get();
            warehouseChoices.setAll(choices);
            selectedWarehouse.set(choices.contains(keep) ? keep : WarehouseChoice.ALL);
        }
        selectPendingWarehouse();
    }

    private void updatePredicate() {
        String needle = filterText.get() == null ? "" : filterText.get().strip().toLowerCase(Locale.ROOT);
        WarehouseChoice choice = selectedWarehouse.get();
        Warehouse only = choice == null ? null : choice.warehouse();
        boolean onlyGaps = gapsOnly.get();
        if (needle.isEmpty() && only == null && !onlyGaps) {
            filteredRows.setPredicate(null);
        } else {
            filteredRows.setPredicate(r -> (!onlyGaps || r.hasGap()) && r.matches(needle, only));
        }
        shownCount.set(filteredRows.size());
    }

    // ---- what the person was doing, across a rebuilt window ---------------------------------------

    /**
     * What the person set up on the stock screen: the filter, the warehouse, "gaps only", the selection and
     * the focused row, and the gaps it remembers pairing. A language switch builds a new window and hands
     * this to its view model ({@link #restore}), so nothing the person did is lost.
     */
    public record ScreenState(String filterText, String warehouseId, boolean gapsOnly, List<String> selectedKeys,
                              String focusedKey, PairedGaps pairing) {
    }

    /** The screen's state now (FX thread). */
    public ScreenState screenState() {
        WarehouseChoice choice = selectedWarehouse.get();
        return new ScreenState(filterText.get(), choice == null || choice.isAll() ? null : choice.warehouse().id(),
                gapsOnly.get(), selectedKeys, focusedKey, pairedGaps);
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
            pendingWarehouseId = state.warehouseId();
            selectPendingWarehouse();
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

    /** A warehouse to choose once the board lists it (a restored filter before the first read). */
    private String pendingWarehouseId;

    private void selectPendingWarehouse() {
        if (pendingWarehouseId == null) {
            return;
        }
        for (WarehouseChoice c : warehouseChoices) {
            if (!c.isAll() && c.warehouse().id().equals(pendingWarehouseId)) {
                selectedWarehouse.set(c);
                pendingWarehouseId = null;
                return;
            }
        }
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
        for (FreshnessChipViewModel chip : chips) {
            chip.tick(instant, window);
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

    /** The rows after filtering, sorted by whatever comparator the view binds to {@link SortedList#comparatorProperty()}. */
    public SortedList<StockRowViewModel> sortedRows() {
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

    /** All rows of the latest snapshot, unfiltered, read-only. */
    public List<StockRowViewModel> allRows() {
        return Collections.unmodifiableList(rows);
    }

    /** Rows after the filter, in snapshot order. */
    public ObservableList<StockRowViewModel> filteredRows() {
        return filteredRows;
    }

    public ObservableList<FreshnessChipViewModel> chips() {
        return chips;
    }

    public ObservableList<WarehouseChoice> warehouseChoices() {
        return warehouseChoices;
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

    public ObjectProperty<WarehouseChoice> selectedWarehouseProperty() {
        return selectedWarehouse;
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
