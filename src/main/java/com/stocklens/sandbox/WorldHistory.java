package com.stocklens.sandbox;

import com.stocklens.domain.BeijingTime;
import com.stocklens.domain.Market;
import com.stocklens.domain.Provider;
import com.stocklens.domain.StockLevel;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The year before the world began: {@link #DAYS} Beijing days of stock per SKU × warehouse, lots received
 * over the year, and the TikTok orders and returns behind the sales, for the ShipBob fulfilment centres and
 * every partner warehouse alike. Deterministic from the world's seed and epoch.
 *
 * <p>How it is made. Each cell (SKU × warehouse) sells at a pace of its own times the calendar (weekends,
 * the November–December peak, a quiet January, a shop that grew over the year); a ShipBob cell's pace
 * follows its lots (stock whose oldest lot is a year old sells slowly), a partner cell's its plan, and
 * the SKU's {@link SalesCharacter} (slow, or stopped selling months ago) applies everywhere. Sales are
 * drawn first, day by day; the stock is then walked <em>backwards</em> from the epoch's real state: each
 * day before holds what the day after held, plus what it shipped, minus what it received. The lots the
 * world started with are receipts on their dates (all but the oldest exactly as large as they still are,
 * FIFO leaves them whole); before the oldest one the walk adds replenishments whenever the stock would
 * grow past the cell's usual level, and ends a few stock-out spells (days without sales) with one. So
 * stock never goes negative, no day sells more than it had, and replaying the receipts first-in-first-out
 * over the year ends in exactly the world's lots. Returns arrive, wait for inspection and mostly go back
 * on the shelf; inbound is announced a few days before it is stowed (in transit), each provider at its
 * own speed.
 *
 * <p>TikTok orders carry the TikTok warehouse of the warehouse that shipped them (a ShipBob centre's or a
 * partner warehouse's); SKUs TikTok does not list, and the warehouses serving markets without a demo shop,
 * sell through other channels: their stock moves without orders. Order, line and return ids are unique
 * per day, cell and position, so the same past always carries the same ids.
 *
 * <p>Immutable after construction except for the stock, computed once on first use. Thread-safe.
 */
public final class WorldHistory {
    /** Beijing days of history before the epoch's own day. */
    public static final int DAYS = 400;
    /** A day's close: the moment the day's stock figures stand for (Beijing time). */
    public static final LocalTime CLOSE = LocalTime.of(23, 50);
    /** Orders are placed until this long before the epoch: every one of them has shipped by then. */
    static final Duration LAST_ORDER = Duration.ofHours(2);
    static final int CANCEL_PERCENT = 3;
    static final double RETURN_RATE = 0.025;
    static final int QC_FAIL_PERCENT = 15;
    /** Relative order volume by local hour: quiet nights, an evening peak (TikTok LIVE hours). */
    static final double[] HOUR_FACTOR = {
        0.5, 0.35, 0.25, 0.2, 0.2, 0.25, 0.35, 0.5, 0.7, 0.85, 0.95, 1.0,
        1.1, 1.1, 1.0, 1.0, 1.05, 1.15, 1.3, 1.5, 1.6, 1.5, 1.2, 0.8};

    private static final long ORDER_BASE = 576_100_000_000_000_000L;
    private static final long LINE_BASE = 577_100_000_000_000_000L;
    private static final long RETURN_BASE = 4_035_318_600_000_000_000L;
    private static final long RETURN_LINE_BASE = 4_035_227_700_000_000_000L;
    private static final ZoneId BEIJING = BeijingTime.ZONE;

    /**
     * One SKU in one warehouse.
     *
     * @param key         unique per cell, stable for a seed: a ShipBob cell's index in the world, a partner
     *                    cell's plan index plus {@link #PARTNER_KEYS}
     * @param fc          the ShipBob centre, or null for a partner warehouse
     * @param partner     the partner warehouse, or null for a ShipBob centre
     * @param sku         the world's SKU
     * @param providerSku the code the warehouse knows it by
     */
    public record Cell(int key, FulfilmentCentre fc, PartnerWarehouse partner, SimSku sku, String providerSku) {
        /** Partner cells' keys start here, above every ShipBob cell's. */
        public static final int PARTNER_KEYS = 5_000_000;

        public Provider provider() {
            return fc != null ? Provider.SHIPBOB : partner.provider();
        }

        public ZoneId zone() {
            return fc != null ? fc.zone() : partner.zone();
        }

        public Market market() {
            return fc != null ? fc.market() : partner.market();
        }
    }

    /** A cell's state at the epoch: where the backwards walk starts. */
    record Start(int onHand, int frozen, List<SimLot> lots) {
        Start {
            lots = List.copyOf(lots);
        }
    }

    /** What a cell does over the year, fixed before anything is drawn day by day. */
    static final class Plan {
        final Cell cell;
        final Start start;
        /** The shop selling from here, null when the cell sells through other channels only. */
        final SimShop shop;
        final String tiktokWarehouseId;
        /** Units a day at the usual pace, before the calendar. */
        final double rate;
        /** From this day on it sells nothing (it stopped), {@code DAYS + 1} when it still sells. */
        final int dormantFrom;
        /** Before this day the warehouse held none of it (a partner warehouse listing it later). */
        final int stockedFrom;
        /** Days out of stock: nothing sold. */
        final BitSet spell = new BitSet(DAYS + 1);
        /** The day of the oldest lot the world starts with (-1: before the history), {@code NO_LOTS} without. */
        final int oldestLotDay;
        /** The level the cell is usually filled to: the walk adds a replenishment where it would grow past it. */
        final int usualLevel;
        final int dockDaysMin;
        final int dockDaysMax;
        final int qcHoursMin;
        final int qcHoursMax;
        /** Position in the history's plans. */
        int index;

        Plan(Cell cell, Start start, SimShop shop, String tiktokWarehouseId, double rate, int dormantFrom,
             int stockedFrom, int oldestLotDay, int usualLevel, int[] speed) {
            this.cell = cell;
            this.start = start;
            this.shop = shop;
            this.tiktokWarehouseId = tiktokWarehouseId;
            this.rate = rate;
            this.dormantFrom = dormantFrom;
            this.stockedFrom = stockedFrom;
            this.oldestLotDay = oldestLotDay;
            this.usualLevel = usualLevel;
            this.dockDaysMin = speed[0];
            this.dockDaysMax = speed[1];
            this.qcHoursMin = speed[2];
            this.qcHoursMax = speed[3];
        }

        boolean hasLots() {
            return oldestLotDay != NO_LOTS;
        }

        /**
         * Whether returned units that pass inspection go back on the shelf: not while out of stock, and in a
         * ShipBob cell not from its oldest starting lot's day on (there they are written off, so the starting lots
         * stay exactly as the world has them).
         */
        boolean restocksOn(int day) {
            return !spell.get(day) && day >= stockedFrom && (!hasLots() || day < oldestLotDay);
        }
    }

    static final int NO_LOTS = Integer.MIN_VALUE;

    /**
     * One shipment out of a cell: a TikTok order (with its returns) or a sale through another channel.
     *
     * @param shipped  when it left the warehouse, null when the buyer cancelled first
     * @param order    the TikTok order, null for another channel
     * @param returns  returns of this order that were inspected before the epoch
     */
    record Sale(Instant created, Instant shipped, int units, boolean cancelled, SimOrder order,
                List<PastReturn> returns) {
    }

    /** A return of a past order: TikTok's record, and when its units arrived and were inspected. */
    record PastReturn(SimTikTokReturn tiktok, int units, Instant arrived, Instant inspected, boolean failed) {
    }

    private final long seed;
    private final Instant epoch;
    private final LocalDate firstDay;
    private final List<Plan> plans;
    private final List<Cell> cells;
    private final Map<Integer, Integer> indexByKey = new HashMap<>();
    private final double norm;
    /** {@link #calendar(int)} of every day, and each warehouse zone's hour offset from Beijing per day. */
    private final double[] calendar = new double[DAYS + 1];
    private final Map<ZoneId, int[]> offsets = new HashMap<>();
    private PastStock stock;

    WorldHistory(long seed, Instant epoch, List<Plan> plans) {
        this.seed = seed;
        this.epoch = Objects.requireNonNull(epoch, "epoch");
        this.firstDay = epoch.atZone(BEIJING).toLocalDate().minusDays(DAYS);
        this.plans = List.copyOf(plans);
        this.cells = this.plans.stream().map(p -> p.cell).toList();
        for (int i = 0; i < this.plans.size(); i++) {
            this.plans.get(i).index = i;
            indexByKey.put(this.plans.get(i).cell.key(), i);
        }
        for (int d = 0; d <= DAYS; d++) {
            calendar[d] = calendarOf(d);
        }
        for (Plan p : this.plans) {
            offsets.computeIfAbsent(p.cell.zone(), this::hourOffsets);
        }
        double sum = 0;
        for (int d = DAYS - 28; d < DAYS; d++) {
            sum += calendar[d];
        }
        this.norm = sum / 28;
    }

    // ---------------------------------------------------------------- planning

    /** The dock-to-stock days and inspection hours of each provider: {minDays, maxDays, minHours, maxHours}. */
    static int[] speedOf(Provider provider) {
        return switch (provider) {
            case SHIPBOB -> new int[] {1, 2, 12, 36};
            case SHIPMONK -> new int[] {1, 3, 24, 48};
            case WINIT -> new int[] {2, 4, 36, 72};
            case FLEXPORT -> new int[] {2, 4, 24, 72};
            case GOODCANG -> new int[] {3, 6, 48, 120};
            default -> new int[] {2, 5, 48, 144};
        };
    }

    /** The plans of every cell: ShipBob's from their starting lots, the partners' from their stock plans. */
    static List<Plan> plan(long seed, Instant epoch, List<SimSku> skus, List<FulfilmentCentre> fcs,
                           List<SimShop> shops, Start[] shipBob, List<PartnerStock.Plan> partners,
                           List<Start> partnerStarts, SalesCharacter character) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x632BE59BD9B4E019L + 53);
        LocalDate firstDay = epoch.atZone(BEIJING).toLocalDate().minusDays(DAYS);
        List<Plan> out = new ArrayList<>();
        for (int c = 0; c < shipBob.length; c++) {
            SimSku sku = skus.get(c / fcs.size());
            FulfilmentCentre fc = fcs.get(c % fcs.size());
            Start start = shipBob[c];
            SimShop shop = null;
            String warehouse = null;
            for (SimShop s : shops) {
                for (SimShop.TikTokWarehouse w : s.warehouses()) {
                    if (w.isSales() && w.fcId() == fc.id() && sku.onTikTok()) {
                        shop = s;
                        warehouse = w.id();
                    }
                }
            }
            double rate;
            int oldestDay = NO_LOTS;
            if (start.onHand() > 0 && !start.lots().isEmpty()) {
                Instant oldest = start.lots().getFirst().receivedAt();
                long ageDays = Duration.between(oldest, epoch).toDays() + 1;
                // Stock whose oldest lot is old sells slowly: it has not cleared in all that time. A fast mover
                // turns its (three times larger) stock in half the time.
                double cover = sku.fastMover() ? Math.clamp(ageDays * (0.6 + 0.5 * rnd.nextDouble()), 20, 360)
                        : Math.clamp(ageDays * (1.2 + rnd.nextDouble()), 40, 720);
                rate = start.onHand() / cover;
                oldestDay = dayIndex(firstDay, epoch, oldest);
            } else {
                rate = sku.fastMover() ? 1.5 + 3 * rnd.nextDouble() : 0.15 + 0.6 * rnd.nextDouble();
            }
            double pace = character.factor(sku.index());
            if (pace > 0) {
                rate *= pace; // a slow SKU; one that stopped sold at its usual pace before
            }
            int usual = (int) Math.max(3, Math.max(start.onHand(), rate * 30) * (1.0 + 0.4 * rnd.nextDouble()));
            Plan p = new Plan(new Cell(c, fc, null, sku, sku.sellerSku()), start, shop, warehouse, rate,
                    dormantFrom(character, sku), 0, oldestDay, usual, speedOf(Provider.SHIPBOB));
            if (start.onHand() == 0) {
                // Out of stock at the start: it has been for a while.
                p.spell.set(DAYS - 2 - rnd.nextInt(18), DAYS + 1);
            }
            addSpells(p, rnd);
            out.add(p);
        }
        for (int i = 0; i < partners.size(); i++) {
            PartnerStock.Plan pp = partners.get(i);
            PartnerWarehouse w = pp.warehouse();
            SimShop shop = null;
            if (w.tiktokWarehouseId() != null && pp.sku().onTikTok()) {
                shop = shops.stream().filter(s -> s.region().equals(w.market().name())).findFirst().orElse(null);
            }
            // Most partner shelves were stocked in the year's first weeks, after some days empty (so even a past
            // read every other week sees every unit arrive); some SKUs came later.
            int stockedFrom = rnd.nextInt(100) < 65 ? 25 + rnd.nextInt(35) : 60 + rnd.nextInt(DAYS - 90);
            double rate = character.factor(pp.sku().index()) == 0 ? pp.baseRate() : pp.perDay();
            Plan p = new Plan(new Cell(Cell.PARTNER_KEYS + pp.index(), null, w, pp.sku(), pp.providerSku()),
                    partnerStarts.get(i), shop, shop == null ? null : w.tiktokWarehouseId(), rate,
                    dormantFrom(character, pp.sku()), stockedFrom, NO_LOTS, pp.capacity(), speedOf(w.provider()));
            addSpells(p, rnd);
            out.add(p);
        }
        return out;
    }

    private static int dormantFrom(SalesCharacter character, SimSku sku) {
        int days = character.dormantDays(sku.index());
        return days == 0 ? DAYS + 1 : DAYS - days;
    }

    /** Up to two stock-out spells of 2–10 days where the walk is free to end one with a replenishment. */
    private static void addSpells(Plan p, SplittableRandom rnd) {
        int from = p.stockedFrom + 10;
        int to = p.hasLots() ? p.oldestLotDay - 3 : (p.spell.isEmpty() ? DAYS - 5 : p.spell.nextSetBit(0) - 3);
        int count = rnd.nextInt(100) < 50 ? 0 : 1 + rnd.nextInt(2);
        for (int k = 0; k < count; k++) {
            int length = 2 + rnd.nextInt(9);
            if (to - length <= from) {
                return;
            }
            int begin = from + rnd.nextInt(to - length - from);
            p.spell.set(begin, begin + length);
        }
    }

    // ---------------------------------------------------------------- days

    /** The first day of the history (Beijing). */
    public LocalDate firstDay() {
        return firstDay;
    }

    /** Day {@code i} (0 = {@link #firstDay()}, {@link #DAYS} = the epoch's own day). */
    public LocalDate day(int i) {
        return firstDay.plusDays(i);
    }

    /** The instant day {@code i}'s figures stand for: {@link #CLOSE} Beijing time, the epoch for its own day. */
    public Instant closeAt(int i) {
        return i >= DAYS ? epoch : firstDay.plusDays(i).atTime(CLOSE).atZone(BEIJING).toInstant();
    }

    /** The day whose close is the first at or after {@code t}; -1 before the history. */
    int dayIndex(Instant t) {
        return dayIndex(firstDay, epoch, t);
    }

    private static int dayIndex(LocalDate firstDay, Instant epoch, Instant t) {
        LocalDate d = t.plus(Duration.ofMinutes(10)).atZone(BEIJING).toLocalDate();
        long i = ChronoUnit.DAYS.between(firstDay, d);
        return (int) Math.max(-1, Math.min(DAYS, i));
    }

    /** Demand on day {@code i} relative to an ordinary day: weekday, season, and a year of growth. */
    double calendar(int i) {
        return calendar[i];
    }

    private double calendarOf(int i) {
        LocalDate d = day(i);
        double weekday = switch (d.getDayOfWeek()) {
            case FRIDAY -> 1.05;
            case SATURDAY -> 1.25;
            case SUNDAY -> 1.3;
            default -> 1.0;
        };
        LocalDate thanksgiving = LocalDate.of(d.getYear(), 11, 1)
                .with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
        double season;
        if (d.getMonthValue() == 11 && d.getDayOfMonth() == 11
                || !d.isBefore(thanksgiving) && !d.isAfter(thanksgiving.plusDays(4))) {
            season = 1.9; // Double 11, Black Friday to Cyber Monday
        } else if (d.getMonthValue() == 11 || d.getMonthValue() == 12 && d.getDayOfMonth() <= 24) {
            season = 1.45;
        } else if (d.getMonthValue() == 12 || d.getMonthValue() == 1 && d.getDayOfMonth() <= 10) {
            season = 0.8;
        } else if (d.getMonthValue() <= 2) {
            season = 0.85;
        } else if (d.getMonthValue() == 7 || d.getMonthValue() == 8) {
            season = 0.92;
        } else {
            season = 1.0;
        }
        double growth = 0.75 + 0.25 * i / DAYS;
        return weekday * season * growth;
    }

    // ---------------------------------------------------------------- sales

    /** Every cell, ShipBob's first (world order), then the partners' (plan order). */
    public List<Cell> cells() {
        return cells;
    }

    List<Plan> plans() {
        return plans;
    }

    /** The orders placed from day {@code ordersFrom} on, and the returns of those placed from {@code returnsFrom}. */
    void recent(int ordersFrom, int returnsFrom, List<SimOrder> orders, List<SimTikTokReturn> returns) {
        for (int d = Math.min(ordersFrom, returnsFrom); d <= DAYS; d++) {
            for (Plan p : plans) {
                if (p.shop == null) {
                    continue;
                }
                for (Sale s : sales(p, d)) {
                    if (d >= ordersFrom) {
                        orders.add(s.order());
                    }
                    if (d >= returnsFrom) {
                        s.returns().forEach(r -> returns.add(r.tiktok()));
                    }
                }
            }
        }
        orders.sort(Comparator.comparing(SimOrder::createdAt).thenComparing(SimOrder::id));
        returns.sort(Comparator.comparing(SimTikTokReturn::createdAt).thenComparing(SimTikTokReturn::id));
    }

    /** The TikTok orders placed on day {@code i}, by creation time. */
    public List<SimOrder> ordersOn(int i) {
        List<SimOrder> out = new ArrayList<>();
        for (Plan p : plans) {
            if (p.shop != null) {
                for (Sale s : sales(p, i)) {
                    out.add(s.order());
                }
            }
        }
        out.sort(Comparator.comparing(SimOrder::createdAt).thenComparing(SimOrder::id));
        return out;
    }

    /** The returns of the orders placed on day {@code i} (those inspected before the epoch), by request time. */
    public List<SimTikTokReturn> returnsOf(int i) {
        List<SimTikTokReturn> out = new ArrayList<>();
        for (Plan p : plans) {
            if (p.shop != null) {
                for (Sale s : sales(p, i)) {
                    s.returns().forEach(r -> out.add(r.tiktok()));
                }
            }
        }
        out.sort(Comparator.comparing(SimTikTokReturn::createdAt).thenComparing(SimTikTokReturn::id));
        return out;
    }

    /** The units a cell shipped on day {@code i} (by shipping time, TikTok and other channels). */
    int shippedUnits(Cell cell, int day) {
        return stock().shipped(planOf(cell), day);
    }

    /** The units a cell received (stowed) on day {@code i}. */
    int receivedUnits(Cell cell, int day) {
        return stock().received(planOf(cell), day);
    }

    /** The returned units that went back on a cell's shelf on day {@code i}. */
    int restockedUnits(Cell cell, int day) {
        return stock().restocked(planOf(cell), day);
    }

    /**
     * What cell {@code p} sells on day {@code i}, drawn from the day's own random source, so any day can be
     * drawn alone and always comes out the same.
     */
    List<Sale> sales(Plan p, int i) {
        if (i < p.stockedFrom || i >= p.dormantFrom || p.spell.get(i) || p.rate <= 0) {
            return List.of();
        }
        LocalDate date = day(i);
        SplittableRandom r = new SplittableRandom(mix(seed, p.cell.key(), date.toEpochDay()));
        int units = poisson(r, p.rate * calendar[i] / norm);
        if (units == 0) {
            return List.of();
        }
        Instant dayStart = date.atStartOfDay(BEIJING).toInstant();
        Instant dayEnd = i == DAYS ? epoch.minus(LAST_ORDER) : dayStart.plus(Duration.ofDays(1));
        if (!dayEnd.isAfter(dayStart)) {
            return List.of();
        }
        List<Sale> out = new ArrayList<>();
        int orderNo = 0;
        int lineNo = 0;
        int returnNo = 0;
        while (units > 0 && orderNo < 99) {
            int roll = r.nextInt(10);
            int q = Math.min(units, roll < 7 ? 1 : roll < 9 ? 2 : 3);
            units -= q;
            Instant created = pickTime(r, dayStart, dayEnd, offsets.get(p.cell.zone())[i]);
            Instant shipped = created.plusSeconds(1800 + r.nextInt(4800));
            if (p.shop == null) {
                out.add(new Sale(created, shipped, q, false, null, List.of()));
                orderNo++;
                continue;
            }
            boolean cancelled = r.nextInt(100) < CANCEL_PERCENT;
            List<String> lines = new ArrayList<>(q);
            for (int k = 0; k < q; k++) {
                lines.add(Long.toString(LINE_BASE + date.toEpochDay() * 10_000_000_000L + p.cell.key() * 1000L
                        + lineNo++));
            }
            String orderId = Long.toString(ORDER_BASE + date.toEpochDay() * 1_000_000_000L + p.cell.key() * 100L
                    + orderNo++);
            SimSku sku = p.cell.sku();
            String skuId = "GB".equals(p.shop.region()) ? sku.tiktokSkuIdGb() : sku.tiktokSkuIdUs();
            int fcId = p.cell.fc() == null ? 0 : p.cell.fc().id();
            if (cancelled) {
                Instant cancelledAt = created.plusSeconds(60 + r.nextInt(1800));
                SimOrder order = new SimOrder(orderId, p.shop.id(), p.tiktokWarehouseId, fcId, sku.index(),
                        sku.sellerSku(), skuId, lines, created, null, null, null, cancelledAt);
                out.add(new Sale(created, null, q, true, order, List.of()));
                continue;
            }
            Instant delivered = shipped.plus(Duration.ofHours(48 + r.nextInt(72)));
            Instant completed = delivered.plus(Duration.ofHours(72 + r.nextInt(96)));
            SimOrder order = new SimOrder(orderId, p.shop.id(), p.tiktokWarehouseId, fcId, sku.index(),
                    sku.sellerSku(), skuId, lines, created, shipped, delivered, completed, null);
            List<PastReturn> returns = List.of();
            if (r.nextDouble() < RETURN_RATE) {
                int back = q > 1 && r.nextInt(5) == 0 ? q : 1;
                Instant requested = delivered.plus(Duration.ofMinutes(60 * 24 + r.nextInt(6 * 24 * 60)));
                Instant buyerShipped = requested.plus(Duration.ofMinutes(60 * 24 + r.nextInt(2 * 24 * 60)));
                Instant arrived = buyerShipped.plus(Duration.ofMinutes(3 * 24 * 60 + r.nextInt(4 * 24 * 60)));
                Instant inspected = arrived.plus(Duration.ofMinutes(60L * p.qcHoursMin
                        + r.nextInt(60 * (p.qcHoursMax - p.qcHoursMin) + 1)));
                boolean failed = r.nextInt(100) < QC_FAIL_PERCENT;
                int n = returnNo++;
                if (inspected.isBefore(epoch)) {
                    List<SimTikTokReturn.Line> rl = new ArrayList<>(back);
                    for (int k = 0; k < back; k++) {
                        rl.add(new SimTikTokReturn.Line(Long.toString(RETURN_LINE_BASE
                                + date.toEpochDay() * 10_000_000_000L + p.cell.key() * 1000L + n * 10L + k),
                                sku.index(), sku.sellerSku(), skuId));
                    }
                    String returnId = Long.toString(RETURN_BASE + date.toEpochDay() * 1_000_000_000L
                            + p.cell.key() * 100L + n);
                    returns = List.of(new PastReturn(new SimTikTokReturn(returnId, orderId, p.shop.id(), -1, rl,
                            requested, buyerShipped, arrived, inspected, failed), back, arrived, inspected, failed));
                }
            }
            out.add(new Sale(created, shipped, q, false, order, returns));
        }
        return out;
    }

    /** Per day, the zone's local hour minus Beijing's (daylight saving included), in whole hours. */
    private int[] hourOffsets(ZoneId zone) {
        int[] out = new int[DAYS + 1];
        for (int d = 0; d <= DAYS; d++) {
            Instant noon = day(d).atTime(12, 0).atZone(BEIJING).toInstant();
            out[d] = (zone.getRules().getOffset(noon).getTotalSeconds() - 8 * 3600) / 3600;
        }
        return out;
    }

    /**
     * An instant in [from, to) (one Beijing day, or its start up to a cut) whose local hour follows
     * {@link #HOUR_FACTOR}: a Beijing hour drawn by the weight of the local hour it is, then a second in it.
     */
    private static Instant pickTime(SplittableRandom r, Instant from, Instant to, int offset) {
        long span = Duration.between(from, to).getSeconds();
        int hours = (int) Math.min(24, (span + 3599) / 3600);
        double total = 0;
        for (int h = 0; h < hours; h++) {
            total += HOUR_FACTOR[Math.floorMod(h + offset, 24)];
        }
        double pick = r.nextDouble() * total;
        int hour = 0;
        for (; hour < hours - 1; hour++) {
            pick -= HOUR_FACTOR[Math.floorMod(hour + offset, 24)];
            if (pick < 0) {
                break;
            }
        }
        long second = Math.min(span - 1, hour * 3600L + r.nextInt(3600));
        return from.plusSeconds(second);
    }

    static int poisson(SplittableRandom r, double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        double limit = Math.exp(-lambda);
        double p = r.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= r.nextDouble();
            k++;
        }
        return k;
    }

    /** SplitMix64 over the three parts: a well-spread seed per (world, cell, day). */
    private static long mix(long seed, long cell, long day) {
        long z = seed * 0x9E3779B97F4A7C15L + cell * 0xBF58476D1CE4E5B9L + day * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // ---------------------------------------------------------------- stock

    /**
     * The close of day {@code i} (0 ≤ i ≤ {@link #DAYS}; the epoch's own day is the state the world starts
     * in): every bucket known, {@code onHand = available + reserved + frozen} as in {@link CellState}.
     */
    public StockLevel close(Cell cell, int i) {
        return stock().close(planOf(cell), i);
    }

    /**
     * The lots of a ShipBob cell at the close of each of {@code days} (ascending), oldest first, their units
     * adding up to that day's on hand: a first-in-first-out replay of the year's receipts.
     */
    public Map<Integer, List<SimLot>> lots(Cell cell, int... days) {
        return stock().lots(planOf(cell), days);
    }

    private Plan planOf(Cell cell) {
        Integer i = indexByKey.get(cell.key());
        if (i == null) {
            throw new IllegalArgumentException("not a cell of this history: " + cell);
        }
        return plans.get(i);
    }

    private synchronized PastStock stock() {
        if (stock == null) {
            stock = new PastStock(this, seed);
        }
        return stock;
    }
}
