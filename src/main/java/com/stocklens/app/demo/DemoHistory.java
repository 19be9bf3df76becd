package com.stocklens.app.demo;

import com.stocklens.connector.flexport.FlexportSource;
import com.stocklens.connector.tiktok.ReturnStages;
import com.stocklens.domain.BeijingTime;
import com.stocklens.domain.Bucket;
import com.stocklens.domain.Lot;
import com.stocklens.domain.Provider;
import com.stocklens.domain.ReturnItem;
import com.stocklens.domain.SaleLine;
import com.stocklens.domain.SkuMapping;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockRow;
import com.stocklens.domain.Warehouse;
import com.stocklens.sandbox.FulfilmentCentre;
import com.stocklens.sandbox.PartnerWarehouse;
import com.stocklens.sandbox.SimLot;
import com.stocklens.sandbox.SimOrder;
import com.stocklens.sandbox.SimTikTokReturn;
import com.stocklens.sandbox.SimulatedWorld;
import com.stocklens.sandbox.WorldHistory;
import com.stocklens.service.SkuMappings;
import com.stocklens.store.HistoryBackfill;
import com.stocklens.sync.ActivitySync;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo workspace's past: the sandbox world's year ({@link WorldHistory}) written into the store once,
 * so the health report, the 12-month ageing trend, every warehouse's ageing and the scorecards have real
 * figures on first launch (docs/adr/0019-demo-history-backfill.md).
 *
 * <p>What it writes, into exactly the tables a sync writes ({@link HistoryBackfill}):
 * <ul>
 *   <li>per warehouse source, a close a day for the last {@link #DAILY_DAYS} days and one every
 *       {@link #EVERY} days before, back to {@value WorldHistory#DAYS} days, each shaped like the source's own
 *       latest snapshot (the same rows, keys and warehouse ids, the buckets it cannot report left unknown),
 *       with ShipBob's lots on every {@link #EVERY}th day;</li>
 *   <li>the shop's orders and returns of the whole year that the first orders-and-returns read did not
 *       cover (those updated more than 28 days ago), as that read would have stored them.</li>
 * </ul>
 * The shop's recent orders come through the real connector, and every warehouse's today through its real
 * sync: the past is written only after each warehouse source has one snapshot, and ends the day before
 * that source's first one. Each source, and the orders, is one part recorded when complete; a part already
 * done is never written again, one cut short is written again from the start.
 */
public final class DemoHistory {
    private static final Logger LOG = LoggerFactory.getLogger(DemoHistory.class);
    /** The last days written close by close: the current and the previous quarter's report read these. */
    public static final int DAILY_DAYS = 100;
    /**
     * Before the daily days, one close every this many days; ShipBob's lots go with every this-many-th
     * day's close (daily days included): the points of the > 180-day trend, 27 a year.
     */
    public static final int EVERY = 14;
    /** The part name of the shop's orders and returns. */
    public static final String ACTIVITY_PART = "activity";
    /** Orders updated this recently are the first orders-and-returns read's (plus an hour of overlap). */
    static final Duration READ_BY_THE_CONNECTOR = ActivitySync.FIRST_WINDOW.minus(Duration.ofHours(1));
    private static final int IDS_PER_SOURCE = 1_000_000;

    /**
     * What a back-fill did.
     *
     * @param parts  rows written per part (source id, or {@link #ACTIVITY_PART}); empty when nothing was left
     *               to write
     * @param days   the days of history now in the workspace (0 when none was written)
     * @param rows      rows written in all
     * @param millis    how long it took
     * @param cpuMillis the CPU time it took (on a busy machine far less than {@code millis})
     */
    public record Result(Map<String, Long> parts, int days, long rows, long millis, long cpuMillis) {
        public Result {
            parts = Map.copyOf(parts);
        }

        public boolean wroteAnything() {
            return !parts.isEmpty();
        }
    }

    private final SimulatedWorld world;
    private final HistoryBackfill store;
    private final SkuMappings mappings;
    private final Clock clock;

    public DemoHistory(SimulatedWorld world, HistoryBackfill store, SkuMappings mappings, Clock clock) {
        this.world = Objects.requireNonNull(world, "world");
        this.store = Objects.requireNonNull(store, "store");
        this.mappings = Objects.requireNonNull(mappings, "mappings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Writes whatever part of the past is not written yet. Blocking (a few seconds on a fresh workspace, a
     * few milliseconds after); {@code cancelled} is asked between transactions and leaves the part unfinished.
     */
    public Result backfillIfNeeded(BooleanSupplier cancelled) {
        long started = System.nanoTime();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        WorldHistory past = world.history().orElse(null);
        if (past == null) {
            return new Result(Map.of(), 0, 0, 0, 0);
        }
        Map<String, HistoryBackfill.Part> done = store.finished();
        Map<String, Long> written = new LinkedHashMap<>();
        int ordinal = 0;
        for (HistoryBackfill.Template t : store.templates()) {
            ordinal++;
            if (done.containsKey(t.sourceId()) || cancelled.getAsBoolean()) {
                continue;
            }
            long rows = writeSource(past, t, ordinal, cancelled);
            if (rows >= 0) {
                written.put(t.sourceId(), rows);
            }
        }
        if (!done.containsKey(ACTIVITY_PART) && !cancelled.getAsBoolean()) {
            long rows = writeActivity(past, cancelled);
            if (rows >= 0) {
                written.put(ACTIVITY_PART, rows);
            }
        }
        long total = written.values().stream().mapToLong(Long::longValue).sum();
        long millis = (System.nanoTime() - started) / 1_000_000;
        long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000;
        if (!written.isEmpty()) {
            LOG.info("demo history: {} rows written in {} ms ({} ms CPU): {}", total, millis, cpuMillis, written);
        }
        return new Result(written, written.isEmpty() && done.isEmpty() ? 0 : WorldHistory.DAYS, total, millis,
                cpuMillis);
    }

    /**
     * The warehouse sources whose latest snapshot still holds a code the SKU identities have mapped since (its
     * first reading raced TikTok's listing): read once more, their rows stand under the identities, as the
     * past is written.
     */
    public List<String> sourcesToReadAgain() {
        List<String> out = new ArrayList<>();
        for (HistoryBackfill.Template t : store.templates()) {
            Map<String, String> settled = settled(t.sourceId());
            if (t.rows().stream().anyMatch(r -> settled.containsKey(r.sellerSku()))) {
                out.add(t.sourceId());
            }
        }
        return out;
    }

    /** Code → seller SKU of the codes of one source that the identities map to another seller SKU. */
    private Map<String, String> settled(String sourceId) {
        Map<String, String> out = new HashMap<>();
        for (SkuMapping m : mappings.read().mappings()) {
            if (m.sourceId().equals(sourceId) && m.method().mapped() && !m.code().equals(m.sellerSku())) {
                out.put(m.code(), m.sellerSku());
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- stock

    /** The days written for a source whose first own snapshot was taken on {@code firstOwnDay}. */
    static List<Integer> days(LocalDate firstDay, LocalDate firstOwnDay) {
        int last = (int) Math.min(WorldHistory.DAYS - 1, ChronoUnit.DAYS.between(firstDay, firstOwnDay) - 1);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            int back = WorldHistory.DAYS - 1 - i;
            if (back < DAILY_DAYS || back % EVERY == 0) {
                out.add(i);
            }
        }
        return out;
    }

    /** A day whose close carries ShipBob's lots. */
    static boolean lotDay(int i) {
        return (WorldHistory.DAYS - 1 - i) % EVERY == 0;
    }

    private long writeSource(WorldHistory past, HistoryBackfill.Template t, int ordinal, BooleanSupplier cancelled) {
        LocalDate firstOwn = store.firstCommitted(t.sourceId()).orElse(t.takenAt()).atZone(BeijingTime.ZONE)
                .toLocalDate();
        List<Integer> days = days(past.firstDay(), firstOwn);
        List<Shaped> rows = shape(past, t);
        if (rows.isEmpty() || days.isEmpty()) {
            LOG.info("demo history: nothing of the world matches {}'s rows; no past written", t.sourceId());
            return store.writeSnapshots(t.sourceId(), t.sourceId(), 0, List.of(), cancelled);
        }
        boolean withLots = !t.lots().isEmpty();
        Map<WorldHistory.Cell, Map<Integer, List<SimLot>>> lots = new HashMap<>();
        if (withLots) {
            int[] lotDays = days.stream().filter(DemoHistory::lotDay).mapToInt(Integer::intValue).toArray();
            for (Shaped s : rows) {
                lots.put(s.cell(), past.lots(s.cell(), lotDays));
            }
        }
        long base = -(long) ordinal * IDS_PER_SOURCE;
        Iterable<HistoryBackfill.PastSnapshot> snapshots = () -> lazily(days.size(), k -> {
            int day = days.get(k);
            List<StockRow> stock = new ArrayList<>(rows.size());
            List<Lot> dayLots = new ArrayList<>();
            for (Shaped s : rows) {
                stock.add(new StockRow(s.key(), s.template().warehouseId(), s.template().wmsId(),
                        masked(past.close(s.cell(), day), s.template().level())));
                if (withLots && lotDay(day)) {
                    for (SimLot l : lots.get(s.cell()).getOrDefault(day, List.of())) {
                        dayLots.add(new Lot(s.key(), s.template().warehouseId(),
                                l.receivedAt().atZone(s.zone()).toLocalDate(), l.units(), Lot.LotSource.PROVIDER));
                    }
                }
            }
            return new HistoryBackfill.PastSnapshot(base + day, past.closeAt(day), stock, dayLots);
        });
        return store.writeSnapshots(t.sourceId(), t.sourceId(), days.size(), snapshots, cancelled);
    }

    /** A template row and the world's cell behind it, under the key the source's next sync will store it. */
    record Shaped(StockRow template, WorldHistory.Cell cell, String key, ZoneId zone) {
    }

    /**
     * The source's rows matched to the world's cells. A row under the warehouse's own code that the SKU
     * identities have settled since (the first sync can race TikTok's listing) takes the identity's key, as
     * the source's next sync will.
     */
    private List<Shaped> shape(WorldHistory past, HistoryBackfill.Template t) {
        Map<String, String> settled = settled(t.sourceId());
        Map<String, WorldHistory.Cell> byKey = new HashMap<>();
        Map<String, ZoneId> zones = new HashMap<>();
        for (WorldHistory.Cell c : past.cells()) {
            for (String warehouse : warehouseIds(c)) {
                byKey.putIfAbsent(warehouse + '\u0000' + c.sku().sellerSku(), c);
                byKey.putIfAbsent(warehouse + '\u0000' + c.providerSku(), c);
                zones.put(warehouse, c.zone());
            }
        }
        List<Shaped> out = new ArrayList<>();
        int unmatched = 0;
        for (StockRow r : t.rows()) {
            WorldHistory.Cell cell = byKey.get(r.warehouseId() + '\u0000' + r.sellerSku());
            if (cell == null && r.wmsId() != null) {
                cell = byKey.get(r.warehouseId() + '\u0000' + r.wmsId());
            }
            if (cell == null) {
                unmatched++;
                continue;
            }
            String key = settled.getOrDefault(r.sellerSku(), r.sellerSku());
            StockRow template = key.equals(r.sellerSku()) ? r
                    : new StockRow(key, r.warehouseId(), r.wmsId() != null ? r.wmsId() : r.sellerSku(), r.level());
            out.add(new Shaped(template, cell, key, zones.get(r.warehouseId())));
        }
        if (unmatched > 0) {
            LOG.info("demo history: {} rows of {} match nothing in the world and get no past", unmatched,
                    t.sourceId());
        }
        return out;
    }

    /** The warehouse ids a cell's warehouse is stored under, as its connector names it. */
    public static List<String> warehouseIds(WorldHistory.Cell c) {
        if (c.fc() != null) {
            FulfilmentCentre fc = c.fc();
            return List.of(Warehouse.idOf(Provider.SHIPBOB, Integer.toString(fc.id())));
        }
        PartnerWarehouse w = c.partner();
        return w.provider() == Provider.FLEXPORT
                ? List.of(Warehouse.idOf(Provider.FLEXPORT, FlexportSource.NETWORK_ID))
                : List.of(Warehouse.idOf(w.provider(), w.id()), Warehouse.idOf(w.provider(), w.code()));
    }

    /** The world's figures in the buckets the source reports; unknown where its own rows are. */
    public static StockLevel masked(StockLevel truth, StockLevel shape) {
        Map<Bucket, Integer> out = new EnumMap<>(Bucket.class);
        for (Bucket b : Bucket.values()) {
            out.put(b, shape.get(b) == null ? null : truth.get(b));
        }
        return StockLevel.of(out);
    }

    // ---------------------------------------------------------------- orders and returns

    private long writeActivity(WorldHistory past, BooleanSupplier cancelled) {
        Instant now = clock.instant();
        Instant before = now.minus(READ_BY_THE_CONNECTOR);
        Iterable<SaleLine> sales = () -> flatten(WorldHistory.DAYS + 1, d -> {
            List<SaleLine> out = new ArrayList<>();
            for (SimOrder o : past.ordersOn(d)) {
                if (o.updateTime(now).isBefore(before)) {
                    out.addAll(saleLines(o, now));
                }
            }
            return out;
        });
        Iterable<ReturnItem> returns = () -> flatten(WorldHistory.DAYS + 1, d -> {
            List<ReturnItem> out = new ArrayList<>();
            for (SimTikTokReturn r : past.returnsOf(d)) {
                if (r.updateTime(now).isBefore(before)) {
                    out.addAll(returnItems(r, now));
                }
            }
            return out;
        });
        return store.writeActivity(ACTIVITY_PART, WorldHistory.DAYS, sales, returns, cancelled);
    }

    /** An order's lines as the TikTok connector stores them: one per unit, times to the second. */
    public static List<SaleLine> saleLines(SimOrder o, Instant now) {
        Instant created = Instant.ofEpochSecond(o.createdAt().getEpochSecond());
        Instant updated = Instant.ofEpochSecond(o.updateTime(now).getEpochSecond());
        String status = o.status(now);
        List<SaleLine> out = new ArrayList<>(o.units());
        for (String line : o.lineIds()) {
            out.add(new SaleLine(o.shopId(), o.id(), line, o.sellerSku(), o.tiktokSkuId(), o.tiktokWarehouseId(),
                    status, created, updated));
        }
        return out;
    }

    /** A return's units as the TikTok connector stores them (the sandbox's returns are RETURN_AND_REFUND). */
    public static List<ReturnItem> returnItems(SimTikTokReturn r, Instant now) {
        Instant created = Instant.ofEpochSecond(r.createdAt().getEpochSecond());
        Instant updated = Instant.ofEpochSecond(r.updateTime(now).getEpochSecond());
        String status = r.status(now);
        String type = "RETURN_AND_REFUND";
        List<ReturnItem> out = new ArrayList<>(r.lines().size());
        for (SimTikTokReturn.Line l : r.lines()) {
            out.add(new ReturnItem(r.shopId(), r.id(), r.orderId(), l.lineId(), l.sellerSku(), l.tiktokSkuId(), type,
                    status, ReturnStages.of(type, status), created, updated));
        }
        return out;
    }

    // ---------------------------------------------------------------- iteration

    /** The values {@code at(0..n-1)}, each made only when reached. */
    private static <T> Iterator<T> lazily(int n, IntFunction<T> at) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < n;
            }

            @Override
            public T next() {
                if (next >= n) {
                    throw new NoSuchElementException();
                }
                return at.apply(next++);
            }
        };
    }

    /** The lists {@code at(0..n-1)} one after another, each made only when reached. */
    private static <T> Iterator<T> flatten(int n, IntFunction<List<T>> at) {
        return new Iterator<>() {
            private int next;
            private Iterator<T> current = List.<T>of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && next < n) {
                    current = at.apply(next++).iterator();
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }
}
