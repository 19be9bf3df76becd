package com.stocklens.sandbox;

import com.stocklens.domain.Market;
import com.stocklens.domain.Provider;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.Warehouse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outside world of demo mode and tests: a seeded, deterministic simulation of one seller's
 * stock in three ShipBob fulfilment centres behind two TikTok shops.
 *
 * <p>Time moves in fixed {@link #STEP}s of simulated time, applied lazily whenever state is read,
 * from the {@link Clock} given at construction. The state is a function of (seed, SKU count, start
 * instant, number of steps): the hourly sales pattern follows each FC's local time, so two worlds
 * agree step for step only when they start at the same instant.
 *
 * <p>Per SKU × FC it keeps on hand, reserved, frozen, in transit, QC hold and returns pending QC,
 * and moves them with sales (reserve, then ship), inbound WROs (Awaiting → Arrived → Processing →
 * Completed) and customer returns (Awaiting Arrival → Arrived → Processing → Completed). TikTok's
 * view equals the warehouse's except on a handful of deliberately drifting SKUs.
 *
 * <p>Every sale of a TikTok-listed SKU is also a TikTok order of the shop selling from that FC (one
 * line item per unit), and every customer return a TikTok return. That layer draws from its own seeded
 * random source, so the stock simulation is exactly what it would be without it.
 *
 * <p>Every SKU × FC's on hand is also a list of lots (receipt dates for FIFO ageing): at the start it
 * is split into lots dated up to a year and a half back, a few SKUs mostly "transferred from Amazon
 * FBA" long ago; units shipped or written off leave the oldest lot first, stowed inbound becomes a lot
 * dated that moment, and a restocked return goes back to the lot consumed last. The lots are a
 * breakdown of the on hand and draw from their own random source, so no stock figure depends on them.
 *
 * <p>The world has a past ({@link WorldHistory}): {@value WorldHistory#DAYS} days of stock, lots, orders and
 * returns in every warehouse, ending exactly in the state the world starts in. The orders and returns of
 * its last weeks are in the TikTok lists from the start, as a shop's recent orders are; the rest is read
 * from {@link #history()}. A world of more than {@value #HISTORY_MAX_SKUS} SKUs (a benchmark's) starts
 * without one.
 *
 * <p>Thread-safe: every read and advance is synchronized.
 */
public final class SimulatedWorld {
    /** Simulated time per step. */
    public static final Duration STEP = Duration.ofSeconds(2);
    /** Default number of SKUs. */
    public static final int DEFAULT_SKU_COUNT = 300;
    /** Completed WROs and returns stay visible this long, then drop out of the APIs. */
    static final Duration RECENT = Duration.ofHours(1);
    static final int FC_COUNT = 3;
    /** Worlds up to this many SKUs have a past; larger ones (benchmarks) start at their epoch. */
    public static final int HISTORY_MAX_SKUS = 3_000;
    /**
     * The most units a US / UK fulfilment centre starts with of one SKU (three times that for a fast mover):
     * a small seller's shelf, a few weeks to a few months of what the SKU sells.
     */
    static final int US_START_MAX = 48;
    static final int GB_START_MAX = 20;
    /**
     * The orders of this many last days are in the TikTok lists from the start: every order updated in the
     * 28 days a first sync reads (an order is complete 13 days after it is placed at the latest).
     */
    static final int LISTED_ORDER_DAYS = 42;
    /** Likewise the returns of orders placed this many days back (a return is inspected within 29 days). */
    static final int LISTED_RETURN_DAYS = 58;

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedWorld.class);
    private static final int AVAILABLE_DRIFTS = 6;
    private static final int COMMITTED_DRIFTS = 2;

    private static final List<FulfilmentCentre> FCS = List.of(
            new FulfilmentCentre(228, "Moreno Valley (CA)", "US-West", ZoneId.of("America/Los_Angeles"), "US",
                    Market.US, "17400 Perris Blvd", "Moreno Valley", "CA", "92551"),
            new FulfilmentCentre(156, "Bethlehem (PA)", "US-East", ZoneId.of("America/New_York"), "US",
                    Market.US, "3 Emery Street", "Bethlehem", "PA", "18015"),
            new FulfilmentCentre(310, "Manchester (GB)", "GB-North", ZoneId.of("Europe/London"), "GB",
                    Market.GB, "Unit 4, Westinghouse Road", "Manchester", "Greater Manchester", "M17 1AB"));

    private static final List<SimShop> SHOPS = List.of(
            new SimShop("7495987654321098765", "Lumo Living US", "US", "CROSS_BORDER", "ROW_SbxUsT9vQmA2cX7dLp4Kw",
                    "USLCLUMO7Q2X", "USD", List.of(
                    new SimShop.TikTokWarehouse("7301234567890123401", "7395366865142490228",
                            "ShipBob Moreno Valley", "SALES_WAREHOUSE", 228, true),
                    new SimShop.TikTokWarehouse("7301234567890123402", "7395366865142490156",
                            "ShipBob Bethlehem", "SALES_WAREHOUSE", 156, false))),
            new SimShop("7495123456789012345", "Lumo Living UK", "GB", "CROSS_BORDER", "ROW_k3JxZAAAAAB7c1q9uXbN0pQe4TzL",
                    "GBLCLUMO8Q2X", "GBP", List.of(
                    new SimShop.TikTokWarehouse("7301234567890123411", "7395366865142490310",
                            "ShipBob Manchester", "SALES_WAREHOUSE", 310, true),
                    new SimShop.TikTokWarehouse("7301234567890123412", "7395366865142490310",
                            "ShipBob Manchester Returns", "RETURN_WAREHOUSE", 310, false))),
            // The Manila partner warehouse has no API: TikTok holds what the seller last uploaded in Seller Center.
            new SimShop("7495555000111222333", "Lumo Living PH", "PH", "CROSS_BORDER", "ROW_PhMnL7xQ2vB9sK4dT1wZ",
                    "PHLCLUMO5Q2X", "PHP", List.of(
                    new SimShop.TikTokWarehouse(SimulatedWorld.PH_TIKTOK_WAREHOUSE, "7395366865142490421",
                            "Manila partner warehouse", "SALES_WAREHOUSE", 0, true, "PH-MNL"))));

    /** The TikTok sales warehouse of the PH shop, stocked by the CSV-only Manila partner warehouse. */
    public static final String PH_TIKTOK_WAREHOUSE = "7301234567890123421";
    /**
     * How often the seller uploads the partner warehouse's stock to Seller Center by hand: TikTok's figure there
     * is up to this old ("非认证仓仅支持手动上传CSV，存在最高4小时数据延迟").
     */
    static final Duration MANUAL_UPLOAD_EVERY = Duration.ofHours(4);
    /** The seller's last manual upload before the world began (so every run of a demo starts with the same figures). */
    static final Duration FIRST_UPLOAD_BEFORE_START = Duration.ofHours(3);

    private final long seed;
    private final Clock clock;
    private final Instant epoch;
    private final List<SimSku> skus;
    private final List<SimProduct> products;
    private final int[] cumulativeWeight;
    private final Random rnd;
    private final double scale;

    private final int[] onHand;
    private final int[] reserved;
    private final int[] frozen;
    private final int[] inTransit;
    private final int[] qcHold;
    private final int[] returnPendingQc;
    private final PriorityQueue<Shipment> shipments =
            new PriorityQueue<>(Comparator.comparingLong(Shipment::due).thenComparingLong(Shipment::seq));
    private final List<MutableWro> wros = new ArrayList<>();
    private final List<MutableReturn> returns = new ArrayList<>();
    private final Map<Integer, Drift> drifts = new LinkedHashMap<>();
    /**
     * Randomness of the TikTok order and return layer only: kept apart from {@link #rnd} so that adding
     * orders left the stock simulation (and every test pinned to it) exactly as it was.
     */
    private final Random tiktokRnd;
    /** Every TikTok order ever placed (history included); never pruned, TikTok keeps them too. */
    private final List<SimOrder> orders = new ArrayList<>();
    /** Every customer return that TikTok knows (it has at least one listed SKU); never pruned. */
    private final List<MutableReturn> tiktokReturns = new ArrayList<>();
    /** Returns of the past's orders in the TikTok lists (inspected before the epoch). */
    private final List<SimTikTokReturn> pastReturns = new ArrayList<>();
    /** Each SKU's selling pace, for the past. */
    private final SalesCharacter character;
    /**
     * The world's past, made on first use (the first view or {@link #history()}), so creating the world
     * costs no more than before: in demo mode that happens before the window's first frame.
     */
    private WorldHistory history;
    private long orderSeq;
    private long lineSeq;
    /** Randomness of the lot layer only, for the same reason as {@link #tiktokRnd}. */
    private final Random lotRnd;
    /** Lots per cell, oldest first; their units always add up to {@link #onHand}. */
    private final List<ArrayDeque<MutableLot>> lots;
    /** Per cell, the lot whose units left last: where a restocked return goes back to. */
    private final MutableLot[] lastConsumed;
    private long lotSeq;

    /**
     * Stock writes TikTok accepted (Update Inventory): per "TikTok warehouse id:SKU index", TikTok's available
     * minus the warehouse's at the moment of the write. From then on TikTok's figure follows the warehouse's
     * with that offset (0 after pushing the warehouse's own figure: the gap is gone) instead of a drift.
     */
    private final Map<String, Integer> tiktokOffsets = new HashMap<>();
    private final List<Consumer<TikTokWrite>> writeListeners = new ArrayList<>();

    private long step;
    private long seq;
    private final PartnerStock partners;
    private long initialTotal;
    private long inboundAnnounced;
    private long returnsArrived;
    private long shipped;
    private long disposed;

    /** A world of {@link #DEFAULT_SKU_COUNT} SKUs. */
    public SimulatedWorld(long seed, Clock clock) {
        this(seed, DEFAULT_SKU_COUNT, clock);
    }

    /**
     * @param seed     makes the world repeatable
     * @param skuCount number of SKUs; every SKU is stocked in all three FCs
     * @param clock    drives simulated time; the world starts at {@code clock.instant()}
     */
    public SimulatedWorld(long seed, int skuCount, Clock clock) {
        if (skuCount < 10) {
            throw new IllegalArgumentException("skuCount must be at least 10: " + skuCount);
        }
        this.seed = seed;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.epoch = clock.instant();
        Random catalogRandom = new Random(seed);
        CatalogGenerator.Catalog catalog = CatalogGenerator.generate(catalogRandom, skuCount);
        this.skus = catalog.skus();
        this.products = catalog.products();
        this.rnd = new Random(seed * 0x9E3779B97F4A7C15L + 1);
        this.tiktokRnd = new Random(seed * 0x2545F4914F6CDD1DL + 7);
        this.lotRnd = new Random(seed * 0x5DEECE66DL + 13);
        // Rates are tuned for 300 SKUs; larger worlds get proportionally more activity.
        this.scale = skuCount / (double) DEFAULT_SKU_COUNT;
        int cells = skuCount * FC_COUNT;
        onHand = new int[cells];
        reserved = new int[cells];
        frozen = new int[cells];
        inTransit = new int[cells];
        qcHold = new int[cells];
        returnPendingQc = new int[cells];
        lots = new ArrayList<>(cells);
        for (int c = 0; c < cells; c++) {
            lots.add(new ArrayDeque<>());
        }
        lastConsumed = new MutableLot[cells];
        cumulativeWeight = new int[skuCount];
        int sum = 0;
        for (SimSku sku : skus) {
            sum += sku.fastMover() ? 25 : 1 + rnd.nextInt(3);
            cumulativeWeight[sku.index()] = sum;
        }
        this.character = new SalesCharacter(seed, skus);
        initialise();
        this.partners = new PartnerStock(seed, skus, epoch, character);
        LOG.debug("Simulated world seed {} with {} SKUs starting at {}", seed, skuCount, epoch);
    }

    // ---------------------------------------------------------------- public read API

    public long seed() {
        return seed;
    }

    /** The simulated start instant. */
    public Instant epoch() {
        return epoch;
    }

    public Clock clock() {
        return clock;
    }

    public List<SimSku> skus() {
        return skus;
    }

    public List<SimProduct> products() {
        return products;
    }

    public List<FulfilmentCentre> fulfilmentCentres() {
        return FCS;
    }

    /** The year before the epoch, in every warehouse; empty for a world of over {@value #HISTORY_MAX_SKUS} SKUs. */
    public synchronized Optional<WorldHistory> history() {
        if (history == null && skus.size() <= HISTORY_MAX_SKUS) {
            history = pastOf();
        }
        return Optional.ofNullable(history);
    }

    /** Stock at the WINIT, ShipMonk, Flexport, GoodCang and CSV-only warehouses. */
    public PartnerStock partners() {
        return partners;
    }

    public List<SimShop> shops() {
        return SHOPS;
    }

    /** FC id → TikTok sales warehouse id, for the app's demo configuration. */
    public static Map<String, String> demoLinks() {
        Map<String, String> links = new LinkedHashMap<>();
        for (SimShop shop : SHOPS) {
            for (SimShop.TikTokWarehouse w : shop.warehouses()) {
                if (w.isSales() && !w.isPartner()) {
                    links.put(Integer.toString(w.fcId()), w.id());
                }
            }
        }
        return links;
    }

    /** FC id → region label, for the app's demo configuration. */
    public static Map<String, String> demoRegions() {
        Map<String, String> regions = new LinkedHashMap<>();
        FCS.forEach(fc -> regions.put(Integer.toString(fc.id()), fc.region()));
        return regions;
    }

    /** The three FCs as domain warehouses, linked to their TikTok warehouses. */
    public static List<Warehouse> demoWarehouses() {
        Map<String, String> links = demoLinks();
        return FCS.stream().map(fc -> new Warehouse(
                Warehouse.idOf(Provider.SHIPBOB, Integer.toString(fc.id())), Provider.SHIPBOB,
                Integer.toString(fc.id()), fc.name(), fc.market(), fc.region(), fc.zone(),
                links.get(Integer.toString(fc.id())))).toList();
    }

    /** Partner warehouse id → the TikTok sales warehouse it stocks (the demo links its CSV warehouse with it). */
    public static Map<String, String> partnerLinks() {
        Map<String, String> links = new LinkedHashMap<>();
        for (SimShop shop : SHOPS) {
            for (SimShop.TikTokWarehouse w : shop.warehouses()) {
                if (w.isSales() && w.isPartner()) {
                    links.put(w.partner(), w.id());
                }
            }
        }
        return links;
    }

    /**
     * One stock write TikTok accepted.
     *
     * @param tiktokWarehouseId where
     * @param sellerSku         the SKU's merchant code (the SKU index may differ between worlds of other sizes)
     * @param quantity          the figure written
     * @param offset            TikTok's figure minus the warehouse's at the write: what TikTok keeps from then on
     */
    public record TikTokWrite(String tiktokWarehouseId, String sellerSku, int quantity, int offset, Instant at) {
    }

    /**
     * Sets TikTok's available figure of one SKU in one TikTok sales warehouse, as an accepted Update Inventory
     * does: from now on TikTok's figure follows the warehouse's with the difference of this moment.
     */
    public synchronized TikTokWrite setTikTokAvailable(String tiktokWarehouseId, int skuIndex, int quantity) {
        advanceTo(clock.instant());
        WorldView view = snapshot();
        SimShop.TikTokWarehouse w = tiktokWarehouse(tiktokWarehouseId);
        int truth = view.warehouseAvailable(w, skuIndex);
        TikTokWrite write = new TikTokWrite(tiktokWarehouseId, skus.get(skuIndex).sellerSku(), quantity,
                quantity - truth, timeOf(step));
        tiktokOffsets.put(offsetKey(tiktokWarehouseId, skuIndex), write.offset());
        writeListeners.forEach(l -> l.accept(write));
        return write;
    }

    /** Told of every accepted write (the demo keeps them, so the next run's TikTok remembers them). */
    public synchronized void onTikTokWrite(Consumer<TikTokWrite> listener) {
        writeListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Writes accepted by an earlier run of the same world (demo mode), applied again with their offsets. */
    public synchronized void replayTikTokWrites(List<TikTokWrite> writes) {
        Map<String, Integer> bySku = new HashMap<>();
        skus.forEach(k -> bySku.put(k.sellerSku(), k.index()));
        for (TikTokWrite w : writes) {
            Integer index = bySku.get(w.sellerSku());
            if (index != null && findTikTokWarehouse(w.tiktokWarehouseId()) != null) {
                tiktokOffsets.put(offsetKey(w.tiktokWarehouseId(), index), w.offset());
            }
        }
    }

    static String offsetKey(String tiktokWarehouseId, int skuIndex) {
        return tiktokWarehouseId + ":" + skuIndex;
    }

    /** The TikTok warehouse with this id, in any shop. */
    SimShop.TikTokWarehouse tiktokWarehouse(String id) {
        SimShop.TikTokWarehouse w = findTikTokWarehouse(id);
        if (w == null) {
            throw new IllegalArgumentException("No such TikTok warehouse: " + id);
        }
        return w;
    }

    private static SimShop.TikTokWarehouse findTikTokWarehouse(String id) {
        for (SimShop shop : SHOPS) {
            for (SimShop.TikTokWarehouse w : shop.warehouses()) {
                if (w.id().equals(id)) {
                    return w;
                }
            }
        }
        return null;
    }

    /** Applies every step due by {@code now}; never moves backwards. */
    public synchronized void advanceTo(Instant now) {
        long target = stepsAt(now);
        if (target - step > 100_000) {
            LOG.info("Simulating {} steps to catch up with {}", target - step, now);
        }
        while (step < target) {
            step++;
            applyStep();
        }
    }

    /** Advances to the clock's now and returns a consistent snapshot. */
    public synchronized WorldView view() {
        history();
        advanceTo(clock.instant());
        return snapshot();
    }

    /** The current true state per SKU × FC (advanced to the clock's now). */
    public List<CellState> truth() {
        return view().cells();
    }

    /** The number of steps applied so far (without advancing). */
    public synchronized long step() {
        return step;
    }

    /** Unit flows since creation, for conservation checks. */
    public synchronized Ledger ledger() {
        advanceTo(clock.instant());
        return new Ledger(initialTotal, inboundAnnounced, returnsArrived, shipped, disposed, currentTotal());
    }

    /**
     * Units in and out of the seller's network since the world began.
     *
     * @param initialTotal     on hand + in transit + QC hold + returns pending at creation
     * @param inboundAnnounced units on WROs created since
     * @param returnsArrived   returned units that arrived since
     * @param shipped          units shipped to buyers since
     * @param disposed         frozen units written off since
     * @param currentTotal     on hand + in transit + QC hold + returns pending now
     */
    public record Ledger(long initialTotal, long inboundAnnounced, long returnsArrived, long shipped, long disposed,
                         long currentTotal) {
        /** What the current total must be if no unit was created or lost by mistake. */
        public long expectedTotal() {
            return initialTotal + inboundAnnounced + returnsArrived - shipped - disposed;
        }
    }

    int fcPos(int fcId) {
        for (int i = 0; i < FC_COUNT; i++) {
            if (FCS.get(i).id() == fcId) {
                return i;
            }
        }
        throw new IllegalArgumentException("No such fulfilment centre: " + fcId);
    }

    // ---------------------------------------------------------------- simulation

    private long stepsAt(Instant now) {
        if (now.isBefore(epoch)) {
            return 0;
        }
        return Duration.between(epoch, now).toMillis() / STEP.toMillis();
    }

    private Instant timeOf(long k) {
        return epoch.plus(STEP.multipliedBy(k));
    }

    private void initialise() {
        Instant t = epoch;
        for (int s = 0; s < skus.size(); s++) {
            SimSku sku = skus.get(s);
            // One SKU in twenty (never a fast mover) was moved in from Amazon FBA long ago, one lot split over the FCs.
            Instant fbaTransfer = !sku.fastMover() && lotRnd.nextInt(20) == 0
                    ? t.minus(Duration.ofDays(200 + lotRnd.nextInt(300))) : null;
            for (int f = 0; f < FC_COUNT; f++) {
                int c = s * FC_COUNT + f;
                int max = FCS.get(f).market() == Market.GB ? GB_START_MAX : US_START_MAX;
                if (sku.fastMover()) {
                    max *= 3;
                }
                // About 6% of rows start out of stock.
                onHand[c] = rnd.nextInt(100) < 6 ? 0 : 1 + rnd.nextInt(max);
                seedLots(c, t, fbaTransfer);
                if (onHand[c] > 0 && rnd.nextInt(10) == 0) {
                    frozen[c] = Math.min(onHand[c], 1 + rnd.nextInt(4));
                }
                int available = onHand[c] - frozen[c];
                if (available > 0 && rnd.nextInt(10) < 3) {
                    int q = 1 + rnd.nextInt(Math.min(5, available));
                    reserved[c] += q;
                    long due = 1 + rnd.nextInt(90);
                    shipments.add(new Shipment(due, seq++, c, q));
                    // Open orders at the start were placed in the minutes before it.
                    placeOrder(c, q, t.minusSeconds(60 + tiktokRnd.nextInt(600)), timeOf(due), false);
                }
            }
        }
        for (int f = 0; f < FC_COUNT; f++) {
            int count = Math.max(2, skus.size() / 40);
            for (int i = 0; i < count; i++) {
                MutableWro w = createWro(f, t, 1 + rnd.nextInt(150));
                int roll = rnd.nextInt(100);
                if (roll >= 50) {
                    // Already at the dock: received, some of it perhaps stowed.
                    receive(w, roll < 65 ? 0.5 : 1.0, t);
                    w.status = roll < 65 ? "PartiallyArrived" : "Arrived";
                    w.nextStep = 1 + rnd.nextInt(20);
                    if (roll >= 85) {
                        stow(w, t);
                    }
                }
            }
            int returnCount = Math.max(2, skus.size() / 60);
            for (int i = 0; i < returnCount; i++) {
                MutableReturn r = createReturn(f, t, 1 + rnd.nextInt(60));
                if (rnd.nextInt(100) < 60) {
                    arrive(r, t);
                    r.nextStep = 1 + rnd.nextInt(60);
                }
            }
        }
        for (int i = 0; i < AVAILABLE_DRIFTS; i++) {
            addDrift(i % 2 == 0 ? Drift.Kind.AVAILABLE_HIGH : Drift.Kind.AVAILABLE_LOW);
        }
        for (int i = 0; i < COMMITTED_DRIFTS; i++) {
            addDrift(Drift.Kind.COMMITTED_HIGH);
        }
        initialTotal = currentTotal();
        inboundAnnounced = 0;
        returnsArrived = 0;
    }

    private void applyStep() {
        Instant t = timeOf(step);
        while (!shipments.isEmpty() && shipments.peek().due() <= step) {
            Shipment s = shipments.poll();
            // Shipping takes the units out of the building and releases the reservation.
            onHand[s.cell()] -= s.qty();
            consumeLots(s.cell(), s.qty());
            reserved[s.cell()] -= s.qty();
            shipped += s.qty();
        }
        for (int f = 0; f < FC_COUNT; f++) {
            int hour = t.atZone(FCS.get(f).zone()).getHour();
            int orders = poisson(0.5 * scale * WorldHistory.HOUR_FACTOR[hour]);
            for (int i = 0; i < orders; i++) {
                int c = pickWeightedSku() * FC_COUNT + f;
                int q = orderQuantity();
                int free = onHand[c] - reserved[c] - frozen[c];
                if (free >= q) {
                    reserved[c] += q;
                    long due = step + 15 + rnd.nextInt(75);
                    shipments.add(new Shipment(due, seq++, c, q));
                    placeOrder(c, q, t, timeOf(due), false);
                } else if (free > 0) {
                    // TikTok still showed stock, the warehouse cannot fill the whole order: the seller cancels.
                    placeOrder(c, q, t, null, true);
                }
            }
            for (int i = poisson(0.012 * scale); i > 0; i--) {
                createWro(f, t, step + 30 + rnd.nextInt(120));
            }
            for (int i = poisson(0.03 * scale); i > 0; i--) {
                createReturn(f, t, step + 10 + rnd.nextInt(50));
            }
            if (rnd.nextDouble() < 0.01 * scale) {
                // A unit found damaged on the shelf.
                int c = rnd.nextInt(skus.size()) * FC_COUNT + f;
                if (onHand[c] - reserved[c] - frozen[c] > 0) {
                    frozen[c]++;
                }
            }
            if (rnd.nextDouble() < 0.01 * scale) {
                // A damaged unit written off and disposed of.
                int c = rnd.nextInt(skus.size()) * FC_COUNT + f;
                if (frozen[c] > 0) {
                    frozen[c]--;
                    onHand[c]--;
                    consumeLots(c, 1);
                    disposed++;
                }
            }
        }
        progressWros(t);
        progressReturns(t);
        if (rnd.nextDouble() < 0.003) {
            // A drift resolves (someone fixed the mapping) and another one appears elsewhere.
            List<Integer> keys = new ArrayList<>(drifts.keySet());
            Drift gone = drifts.remove(keys.get(rnd.nextInt(keys.size())));
            addDrift(gone.kind());
        }
    }

    private void progressWros(Instant t) {
        Instant cutoff = t.minus(RECENT);
        Iterator<MutableWro> it = wros.iterator();
        while (it.hasNext()) {
            MutableWro w = it.next();
            switch (w.status) {
                case "Awaiting" -> {
                    if (step >= w.nextStep) {
                        // One inbound shipment in five arrives in two parts.
                        boolean partial = rnd.nextInt(5) == 0;
                        receive(w, partial ? 0.5 : 1.0, t);
                        w.status = partial ? "PartiallyArrived" : "Arrived";
                        w.nextStep = step + (partial ? 10 + rnd.nextInt(30) : 3 + rnd.nextInt(8));
                    }
                }
                case "PartiallyArrived" -> {
                    if (step >= w.nextStep) {
                        receive(w, 1.0, t);
                        w.status = "Arrived";
                        w.nextStep = step + 3 + rnd.nextInt(8);
                    }
                }
                case "Arrived", "Processing" -> {
                    if (step >= w.nextStep) {
                        stow(w, t);
                        w.nextStep = step + 2 + rnd.nextInt(7);
                    }
                }
                case "Completed" -> {
                    if (w.completedAt.isBefore(cutoff)) {
                        it.remove();
                    }
                }
                default -> throw new IllegalStateException(w.status);
            }
        }
    }

    private void progressReturns(Instant t) {
        Instant cutoff = t.minus(RECENT);
        Iterator<MutableReturn> it = returns.iterator();
        while (it.hasNext()) {
            MutableReturn r = it.next();
            switch (r.status) {
                case "Awaiting Arrival" -> {
                    if (step >= r.nextStep) {
                        arrive(r, t);
                        r.nextStep = step + 15 + rnd.nextInt(45);
                    }
                }
                case "Arrived", "Processing" -> {
                    if (step >= r.nextStep) {
                        processOneUnit(r, t);
                        r.nextStep = step + 1 + rnd.nextInt(5);
                    }
                }
                case "Completed" -> {
                    if (r.completedAt.isBefore(cutoff)) {
                        it.remove();
                    }
                }
                default -> throw new IllegalStateException(r.status);
            }
        }
    }

    private MutableWro createWro(int f, Instant t, long arriveStep) {
        MutableWro w = new MutableWro();
        w.id = 740_000 + seq++;
        w.po = "PO-" + (24_000 + w.id % 100_000);
        w.status = "Awaiting";
        w.fcPos = f;
        w.inserted = t;
        w.lastUpdated = t;
        w.expectedArrival = timeOf(arriveStep).plus(Duration.ofMinutes(rnd.nextInt(61) - 30));
        w.nextStep = arriveStep;
        int lines = 1 + rnd.nextInt(5);
        for (int i = 0; i < lines; i++) {
            // Replenish the lowest of three random SKUs: inbound goes where stock is short.
            int best = -1;
            for (int k = 0; k < 3; k++) {
                int s = rnd.nextInt(skus.size());
                if (w.skuIndexes.contains(s)) {
                    continue;
                }
                if (best < 0 || available(s * FC_COUNT + f) < available(best * FC_COUNT + f)) {
                    best = s;
                }
            }
            if (best < 0) {
                continue;
            }
            int qty = 12 * (2 + rnd.nextInt(39));
            w.skuIndexes.add(best);
            w.expected.add(qty);
            w.received.add(0);
            w.stowed.add(0);
            inTransit[best * FC_COUNT + f] += qty;
            inboundAnnounced += qty;
        }
        wros.add(w);
        return w;
    }

    /** Receives lines up to {@code fraction} of expected: units move from in transit to QC hold. */
    private void receive(MutableWro w, double fraction, Instant t) {
        for (int i = 0; i < w.skuIndexes.size(); i++) {
            int target = fraction >= 1.0 ? w.expected.get(i) : (int) Math.floor(w.expected.get(i) * fraction);
            int delta = target - w.received.get(i);
            if (delta > 0) {
                int c = w.skuIndexes.get(i) * FC_COUNT + w.fcPos;
                w.received.set(i, target);
                inTransit[c] -= delta;
                qcHold[c] += delta;
            }
        }
        w.lastUpdated = t;
    }

    /** Stows a chunk of every line: units move from QC hold to on hand. */
    private void stow(MutableWro w, Instant t) {
        boolean done = true;
        for (int i = 0; i < w.skuIndexes.size(); i++) {
            int left = w.received.get(i) - w.stowed.get(i);
            int chunk = Math.min(left, Math.max(6, (int) (w.received.get(i) * (0.2 + rnd.nextDouble() * 0.3))));
            if (chunk > 0) {
                int c = w.skuIndexes.get(i) * FC_COUNT + w.fcPos;
                w.stowed.set(i, w.stowed.get(i) + chunk);
                qcHold[c] -= chunk;
                onHand[c] += chunk;
                receiveLot(c, w.po, t, chunk);
            }
            if (w.stowed.get(i) < w.expected.get(i)) {
                done = false;
            }
        }
        w.status = done ? "Completed" : "Processing";
        w.lastUpdated = t;
        if (done) {
            w.completedAt = t;
        }
    }

    private MutableReturn createReturn(int f, Instant t, long arriveStep) {
        MutableReturn r = new MutableReturn();
        r.id = 3_200_000 + seq++;
        r.reference = Long.toString(576_486_316_948_490_000L + r.id);
        r.status = "Awaiting Arrival";
        r.fcPos = f;
        r.inserted = t;
        r.lastUpdated = t;
        r.nextStep = arriveStep;
        // The buyer hands the parcel over about a third of the way to its arrival.
        r.buyerShippedAt = timeOf(step + Math.max(0, (arriveStep - step) / 3));
        int lines = rnd.nextInt(5) == 0 ? 2 : 1;
        for (int i = 0; i < lines; i++) {
            int s = pickWeightedSku();
            if (r.skuIndexes.contains(s)) {
                continue;
            }
            r.skuIndexes.add(s);
            r.quantity.add(rnd.nextInt(7) == 0 ? 2 : 1);
            r.restocked.add(0);
            r.quarantined.add(0);
        }
        returns.add(r);
        if (r.skuIndexes.stream().anyMatch(i -> skus.get(i).onTikTok())) {
            tiktokReturns.add(r);
        }
        return r;
    }

    private void arrive(MutableReturn r, Instant t) {
        for (int i = 0; i < r.skuIndexes.size(); i++) {
            returnPendingQc[r.skuIndexes.get(i) * FC_COUNT + r.fcPos] += r.quantity.get(i);
            returnsArrived += r.quantity.get(i);
        }
        r.status = "Arrived";
        r.lastUpdated = t;
        r.arrivedAt = t;
        if (r.buyerShippedAt.isAfter(t)) {
            r.buyerShippedAt = t;
        }
    }

    /** Inspects one unit: most pass and are restocked, some fail QC and are frozen. */
    private void processOneUnit(MutableReturn r, Instant t) {
        r.status = "Processing";
        r.lastUpdated = t;
        for (int i = 0; i < r.skuIndexes.size(); i++) {
            if (r.restocked.get(i) + r.quarantined.get(i) < r.quantity.get(i)) {
                int c = r.skuIndexes.get(i) * FC_COUNT + r.fcPos;
                returnPendingQc[c]--;
                onHand[c]++;
                restockLot(c);
                if (rnd.nextInt(100) < 15) {
                    frozen[c]++;
                    r.quarantined.set(i, r.quarantined.get(i) + 1);
                } else {
                    r.restocked.set(i, r.restocked.get(i) + 1);
                }
                break;
            }
        }
        for (int i = 0; i < r.skuIndexes.size(); i++) {
            if (r.restocked.get(i) + r.quarantined.get(i) < r.quantity.get(i)) {
                return;
            }
        }
        r.status = "Completed";
        r.completedAt = t;
        r.qcFailed = r.quarantined.stream().anyMatch(q -> q > 0);
    }

    // ---------------------------------------------------------------- lots

    /** Age buckets' upper days (docs/DOMAIN.md), so the initial lots land in every bucket. */
    private static final int[][] SEED_AGES = {{1, 30}, {31, 60}, {61, 90}, {91, 180}, {181, 270}, {271, 365},
        {366, 540}};

    /**
     * How likely a seeded lot falls in each of {@link #SEED_AGES}, in thousandths: a healthy shop's stock
     * is mostly young (turnover ≤ 45 days), with a thin old tail, so every bucket holds something but
     * slow-moving stock stays the exception it is (the FBA transfers are the designed slow movers).
     */
    private static final int[] SEED_AGE_WEIGHTS = {500, 250, 150, 60, 20, 15, 5};

    private int[] seedAgeBucket() {
        int pick = lotRnd.nextInt(1000);
        for (int i = 0; i < SEED_AGE_WEIGHTS.length; i++) {
            pick -= SEED_AGE_WEIGHTS[i];
            if (pick < 0) {
                return SEED_AGES[i];
            }
        }
        return SEED_AGES[SEED_AGES.length - 1];
    }

    /**
     * Splits a cell's initial on hand into lots: one to four lots of random ages over every age bucket,
     * or for an FBA-transferred SKU mostly the one old transfer lot.
     */
    private void seedLots(int c, Instant t, Instant fbaTransfer) {
        int units = onHand[c];
        ZoneId zone = FCS.get(c % FC_COUNT).zone();
        List<Instant> dates = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        if (fbaTransfer != null && units > 0) {
            int transferred = Math.max(1, (int) Math.round(units * (0.75 + lotRnd.nextDouble() * 0.2)));
            dates.add(fbaTransfer);
            sizes.add(transferred);
            if (units > transferred) {
                dates.add(t.minus(Duration.ofDays(1 + lotRnd.nextInt(90))));
                sizes.add(units - transferred);
            }
        } else {
            int count = units == 0 ? 0 : Math.min(units, 1 + lotRnd.nextInt(4));
            int left = units;
            for (int i = 0; i < count; i++) {
                int[] bucket = seedAgeBucket();
                int ageDays = bucket[0] + lotRnd.nextInt(bucket[1] - bucket[0] + 1);
                // Age day 1 is the receipt day: a lot of age N was received N − 1 days back.
                dates.add(t.minus(Duration.ofDays(ageDays - 1L)));
                int size = i == count - 1 ? left : 1 + lotRnd.nextInt(Math.max(1, left - (count - i - 1)));
                size = Math.min(size, left - (count - i - 1));
                sizes.add(size);
                left -= size;
            }
        }
        List<MutableLot> seeded = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            Instant day = dates.get(i);
            if (day != fbaTransfer) {
                // A working-day hour in the FC, so the lot's date is the same day wherever it is read.
                day = day.atZone(zone).toLocalDate().atTime(9 + lotRnd.nextInt(8), lotRnd.nextInt(60))
                        .atZone(zone).toInstant();
                if (day.isAfter(t.minusSeconds(60))) {
                    // Received today, before the world began: not after its first moment.
                    day = t.minusSeconds(60 + lotRnd.nextInt(600));
                }
            }
            String number = day == fbaTransfer
                    ? "FBA-XFER-" + fbaTransfer.atZone(ZoneId.of("UTC")).toLocalDate().toString().replace("-", "")
                    : "LOT-" + (10_000 + ++lotSeq);
            seeded.add(new MutableLot(number, day, sizes.get(i)));
        }
        seeded.sort(Comparator.comparing(l -> l.receivedAt));
        lots.get(c).addAll(seeded);
        // A return before anything ships goes back to the oldest lot (or a year-old one in an empty cell).
        lastConsumed[c] = seeded.isEmpty()
                ? new MutableLot("LOT-" + (10_000 + ++lotSeq), t.minus(Duration.ofDays(365)), 0) : seeded.getFirst();
    }

    /** Units leaving the building take the oldest lot first (FIFO). */
    private void consumeLots(int c, int units) {
        ArrayDeque<MutableLot> cell = lots.get(c);
        int left = units;
        while (left > 0 && !cell.isEmpty()) {
            MutableLot oldest = cell.peekFirst();
            int take = Math.min(left, oldest.units);
            oldest.units -= take;
            left -= take;
            lastConsumed[c] = oldest;
            if (oldest.units == 0) {
                cell.pollFirst();
            }
        }
        if (left > 0) {
            throw new IllegalStateException("lots of cell " + c + " fall short of its on hand");
        }
    }

    /** Stowed inbound is a new lot dated now; later chunks of the same WRO join it. */
    private void receiveLot(int c, String lotNumber, Instant t, int units) {
        MutableLot newest = lots.get(c).peekLast();
        if (newest != null && newest.number.equals(lotNumber)) {
            newest.units += units;
        } else {
            lots.get(c).addLast(new MutableLot(lotNumber, t, units));
        }
    }

    /** A restocked return goes back to the lot consumed last, with that lot's date: returns are not receipts. */
    private void restockLot(int c) {
        MutableLot back = lastConsumed[c];
        ArrayDeque<MutableLot> cell = lots.get(c);
        if (!cell.contains(back)) {
            back = new MutableLot(back.number, back.receivedAt, 0);
            lastConsumed[c] = back;
            // The lot had run out, so it is older than every lot left: it goes back in front.
            cell.addFirst(back);
        }
        back.units++;
    }

    private List<List<SimLot>> lotViews() {
        List<List<SimLot>> out = new ArrayList<>(lots.size());
        for (ArrayDeque<MutableLot> cell : lots) {
            List<SimLot> views = new ArrayList<>(cell.size());
            for (MutableLot l : cell) {
                views.add(new SimLot(l.number, l.receivedAt, l.units));
            }
            out.add(List.copyOf(views));
        }
        return out;
    }

    private static final class MutableLot {
        final String number;
        final Instant receivedAt;
        int units;

        MutableLot(String number, Instant receivedAt, int units) {
            this.number = number;
            this.receivedAt = receivedAt;
            this.units = units;
        }
    }

    private void addDrift(Drift.Kind kind) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int s = rnd.nextInt(skus.size());
            int f = rnd.nextInt(FC_COUNT);
            int c = s * FC_COUNT + f;
            boolean skuTaken = drifts.values().stream().anyMatch(d -> d.skuIndex() == s);
            if (!skus.get(s).onTikTok() || skuTaken) {
                continue;
            }
            drifts.put(c, new Drift(s, skus.get(s).sellerSku(), FCS.get(f).id(), kind, 1 + rnd.nextInt(5), step));
            // A new sync fault overrides what an earlier stock write set there.
            for (SimShop shop : SHOPS) {
                for (SimShop.TikTokWarehouse w : shop.warehouses()) {
                    if (w.isSales() && !w.isPartner() && w.fcId() == FCS.get(f).id()) {
                        tiktokOffsets.remove(offsetKey(w.id(), s));
                    }
                }
            }
            return;
        }
    }

    private int available(int c) {
        return onHand[c] - reserved[c] - frozen[c];
    }

    private long currentTotal() {
        long total = 0;
        for (int c = 0; c < onHand.length; c++) {
            total += onHand[c] + inTransit[c] + qcHold[c] + returnPendingQc[c];
        }
        return total;
    }

    private int pickWeightedSku() {
        int r = rnd.nextInt(cumulativeWeight[cumulativeWeight.length - 1]);
        int i = Arrays.binarySearch(cumulativeWeight, r + 1);
        if (i < 0) {
            i = -i - 1;
        }
        return i;
    }

    private int orderQuantity() {
        int roll = rnd.nextInt(10);
        return roll < 7 ? 1 : roll < 9 ? 2 : 3;
    }

    /** Knuth's method: fine for the small rates used here (and up to a few hundred). */
    private int poisson(double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        double limit = Math.exp(-lambda);
        double p = rnd.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= rnd.nextDouble();
            k++;
        }
        return k;
    }

    // ---------------------------------------------------------------- TikTok orders and returns

    /**
     * The world's past ({@link WorldHistory}) from its starting state, and its recent orders and returns put
     * in the TikTok lists, before the orders open at the start (the lists are in placing order).
     */
    private WorldHistory pastOf() {
        WorldHistory.Start[] shipBob = new WorldHistory.Start[onHand.length];
        List<List<SimLot>> startLots = lotViews();
        for (int c = 0; c < onHand.length; c++) {
            shipBob[c] = new WorldHistory.Start(onHand[c], frozen[c], startLots.get(c));
        }
        List<WorldHistory.Start> partnerStarts = new ArrayList<>();
        for (PartnerStock.Plan plan : partners.plans()) {
            StockLevel level = partners.cellAt(plan, epoch).truth();
            partnerStarts.add(new WorldHistory.Start(level.onHand(), level.frozen(), List.of()));
        }
        WorldHistory past = new WorldHistory(seed, epoch, WorldHistory.plan(seed, epoch, skus, FCS, SHOPS, shipBob,
                partners.plans(), partnerStarts, character));
        List<SimOrder> recent = new ArrayList<>();
        past.recent(WorldHistory.DAYS - LISTED_ORDER_DAYS, WorldHistory.DAYS - LISTED_RETURN_DAYS, recent, pastReturns);
        orders.addAll(0, recent);
        return past;
    }

    /**
     * Records a TikTok order for a sale of {@code q} units from cell {@code c}, when the SKU is listed on
     * TikTok (other SKUs sell through other channels). Its later milestones are drawn now.
     *
     * @param shippedAt when the warehouse ships it; null when it is cancelled
     */
    private void placeOrder(int c, int q, Instant created, Instant shippedAt, boolean cancelled) {
        int s = c / FC_COUNT;
        int f = c % FC_COUNT;
        SimSku sku = skus.get(s);
        if (!sku.onTikTok()) {
            return;
        }
        int fcId = FCS.get(f).id();
        SimShop shop = null;
        SimShop.TikTokWarehouse warehouse = null;
        for (SimShop candidate : SHOPS) {
            for (SimShop.TikTokWarehouse w : candidate.warehouses()) {
                if (w.isSales() && w.fcId() == fcId) {
                    shop = candidate;
                    warehouse = w;
                }
            }
        }
        if (shop == null) {
            return;
        }
        String orderId = Long.toString(576_100_000_000_000_000L + ++orderSeq);
        List<String> lineIds = new ArrayList<>(q);
        for (int i = 0; i < q; i++) {
            lineIds.add(Long.toString(577_100_000_000_000_000L + ++lineSeq));
        }
        String skuId = "GB".equals(shop.region()) ? sku.tiktokSkuIdGb() : sku.tiktokSkuIdUs();
        if (cancelled) {
            Instant cancelledAt = created.plusSeconds(60 + tiktokRnd.nextInt(1800));
            orders.add(new SimOrder(orderId, shop.id(), warehouse.id(), fcId, s, sku.sellerSku(), skuId, lineIds,
                    created, null, null, null, cancelledAt));
            return;
        }
        Instant delivered = shippedAt.plus(Duration.ofHours(48 + tiktokRnd.nextInt(72)));
        Instant completed = delivered.plus(Duration.ofHours(72 + tiktokRnd.nextInt(96)));
        orders.add(new SimOrder(orderId, shop.id(), warehouse.id(), fcId, s, sku.sellerSku(), skuId, lineIds,
                created, shippedAt, delivered, completed, null));
    }

    private List<SimTikTokReturn> tiktokReturnViews() {
        List<SimTikTokReturn> out = new ArrayList<>(pastReturns.size() + tiktokReturns.size());
        out.addAll(pastReturns);
        for (MutableReturn r : tiktokReturns) {
            SimShop shop = shopOf(FCS.get(r.fcPos).id());
            List<SimTikTokReturn.Line> lines = new ArrayList<>();
            int k = 0;
            for (int i = 0; i < r.skuIndexes.size(); i++) {
                SimSku sku = skus.get(r.skuIndexes.get(i));
                for (int u = 0; u < r.quantity.get(i); u++, k++) {
                    if (sku.onTikTok()) {
                        String skuId = "GB".equals(shop.region()) ? sku.tiktokSkuIdGb() : sku.tiktokSkuIdUs();
                        lines.add(new SimTikTokReturn.Line(Long.toString(4_035_227_657_900_000_000L + r.id * 10 + k),
                                sku.index(), sku.sellerSku(), skuId));
                    }
                }
            }
            out.add(new SimTikTokReturn(Long.toString(4_035_318_504_000_000_000L + r.id), r.reference, shop.id(), r.id,
                    lines, r.inserted, r.buyerShippedAt, r.arrivedAt, r.completedAt, r.qcFailed));
        }
        return out;
    }

    /** The shop whose sales warehouse is this FC. */
    private static SimShop shopOf(int fcId) {
        for (SimShop shop : SHOPS) {
            for (SimShop.TikTokWarehouse w : shop.warehouses()) {
                if (w.isSales() && w.fcId() == fcId) {
                    return shop;
                }
            }
        }
        throw new IllegalStateException("no shop sells from FC " + fcId);
    }

    private WorldView snapshot() {
        Instant now = timeOf(step);
        List<Wro> wroViews = new ArrayList<>(wros.size());
        for (MutableWro w : wros) {
            List<Wro.Line> lines = new ArrayList<>();
            for (int i = 0; i < w.skuIndexes.size(); i++) {
                SimSku sku = skus.get(w.skuIndexes.get(i));
                lines.add(new Wro.Line(sku.index(), sku.inventoryId(), sku.sellerSku(), w.expected.get(i),
                        w.received.get(i), w.stowed.get(i)));
            }
            wroViews.add(new Wro(w.id, w.po, w.status, FCS.get(w.fcPos).id(), w.expectedArrival, w.inserted,
                    w.lastUpdated, w.completedAt, lines));
        }
        List<SimReturn> returnViews = new ArrayList<>(returns.size());
        for (MutableReturn r : returns) {
            List<SimReturn.Line> lines = new ArrayList<>();
            for (int i = 0; i < r.skuIndexes.size(); i++) {
                SimSku sku = skus.get(r.skuIndexes.get(i));
                List<SimReturn.Action> actions = new ArrayList<>();
                if (r.restocked.get(i) > 0) {
                    actions.add(new SimReturn.Action("Restock", r.restocked.get(i)));
                }
                if (r.quarantined.get(i) > 0) {
                    actions.add(new SimReturn.Action("Quarantine", r.quarantined.get(i)));
                }
                lines.add(new SimReturn.Line(sku.index(), sku.inventoryId(), sku.sellerSku(), r.quantity.get(i),
                        actions));
            }
            returnViews.add(new SimReturn(r.id, r.reference, r.status, FCS.get(r.fcPos).id(), r.inserted,
                    r.lastUpdated, r.completedAt, lines));
        }
        return new WorldView(now, step, this, onHand.clone(), reserved.clone(), frozen.clone(), inTransit.clone(),
                qcHold.clone(), returnPendingQc.clone(), wroViews, returnViews, new HashMap<>(drifts),
                List.copyOf(orders), tiktokReturnViews(), lotViews(), Map.copyOf(tiktokOffsets));
    }

    private record Shipment(long due, long seq, int cell, int qty) {
    }

    private static final class MutableWro {
        long id;
        String po;
        String status;
        int fcPos;
        Instant inserted;
        Instant lastUpdated;
        Instant expectedArrival;
        Instant completedAt;
        long nextStep;
        final List<Integer> skuIndexes = new ArrayList<>();
        final List<Integer> expected = new ArrayList<>();
        final List<Integer> received = new ArrayList<>();
        final List<Integer> stowed = new ArrayList<>();
    }

    private static final class MutableReturn {
        long id;
        String reference;
        String status;
        int fcPos;
        Instant inserted;
        Instant lastUpdated;
        Instant completedAt;
        Instant buyerShippedAt;
        Instant arrivedAt;
        boolean qcFailed;
        long nextStep;
        final List<Integer> skuIndexes = new ArrayList<>();
        final List<Integer> quantity = new ArrayList<>();
        final List<Integer> restocked = new ArrayList<>();
        final List<Integer> quarantined = new ArrayList<>();
    }
}
