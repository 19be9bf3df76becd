package com.stocklens.sandbox;

import com.stocklens.domain.Market;
import com.stocklens.domain.Provider;
import com.stocklens.domain.StockLevel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Random;

/**
 * Stock in the warehouses of WINIT, ShipMonk, Flexport, GoodCang and a CSV-only warehouse. Each
 * stocks a seeded subset of the world's SKUs; levels move with time (sales through the day,
 * replenishment every few days) as a pure function of the seed and the elapsed time, so two reads at
 * the same moment agree and the ShipBob simulation's random sequence is untouched. Their year before
 * the epoch is {@link WorldHistory}'s, which ends at the level these plans give at the epoch.
 */
public final class PartnerStock {
    /** Every partner warehouse of the demo, across US, UK and Southeast Asian markets. */
    public static final List<PartnerWarehouse> WAREHOUSES = List.of(
            new PartnerWarehouse(Provider.WINIT, "1000069", "UKBH", "WINIT UK Birmingham", Market.GB,
                    "GB-Midlands", ZoneId.of("Europe/London"), 0, 0, "7301234567890123413"),
            new PartnerWarehouse(Provider.WINIT, "1000201", "MYKL", "WINIT MY Kuala Lumpur", Market.MY,
                    "MY-Central", ZoneId.of("Asia/Kuala_Lumpur"), 0, 0, null),
            new PartnerWarehouse(Provider.SHIPMONK, "5", "CA1", "ShipMonk Los Angeles (CA1)", Market.US,
                    "US-West", ZoneId.of("America/Los_Angeles"), 0, 0, "7301234567890123403"),
            new PartnerWarehouse(Provider.FLEXPORT, "RNO1", "RNO1", "Flexport Reno (NV)", Market.US,
                    "US-West", ZoneId.of("America/Los_Angeles"), 7, 40, "7301234567890123404"),
            new PartnerWarehouse(Provider.GOODCANG, "USEA", "USEA", "GoodCang US East (NJ)", Market.US,
                    "US-East", ZoneId.of("America/New_York"), 0, 15, "7301234567890123405"),
            new PartnerWarehouse(Provider.CSV, "PH-MNL", "PH-MNL", "Manila partner warehouse", Market.PH,
                    "PH-Luzon", ZoneId.of("Asia/Manila"), 0, 0, SimulatedWorld.PH_TIKTOK_WAREHOUSE));

    private static final Duration REPLENISH_EVERY = Duration.ofDays(4);

    private final List<PartnerWarehouse> warehouses;
    private final List<Plan> plans;
    /** "warehouse id:SKU index" → its plan. */
    private final Map<String, Plan> byCell;
    private final Instant epoch;

    /**
     * A cell's fixed parameters; its level at any moment is computed from them.
     *
     * @param baseRate units a day the SKU sells here at its usual pace (before it stopped, for one that did)
     * @param perDay   units sold a day now ({@code baseRate} times the SKU's {@link SalesCharacter#factor});
     *                 the level is a sawtooth below {@code capacity}, refilled every {@link #REPLENISH_EVERY}
     * @param index    position in {@link #plans()}, stable for a seed
     */
    record Plan(PartnerWarehouse warehouse, SimSku sku, String providerSku, int capacity, double baseRate,
                double perDay, int reserved, int frozen, int qcHold, int inTransit, int returnsPending,
                int phaseHours, int index) {
    }

    /**
     * @param sales each SKU's selling speed (the same for all its warehouses): the partner cells sell like the
     *              ShipBob ones, so the past of every warehouse tells one story
     */
    PartnerStock(long seed, List<SimSku> skus, Instant epoch, SalesCharacter sales) {
        this.warehouses = WAREHOUSES;
        this.epoch = epoch;
        Random rnd = new Random(seed * 0x61C8864680B583EBL + 29);
        List<Plan> p = new ArrayList<>();
        for (int w = 0; w < warehouses.size(); w++) {
            PartnerWarehouse wh = warehouses.get(w);
            for (SimSku sku : skus) {
                // Each warehouse stocks roughly a quarter of the catalogue, a different quarter each.
                if (Math.floorMod(sku.index() * 7 + w * 3, 4) != 0) {
                    continue;
                }
                String providerSku = sku.sellerSku();
                if (sku.barcode() != null && sku.barcodeValid() && rnd.nextInt(100) < 12) {
                    // The warehouse registered the item under its own code; only the barcode ties it to us.
                    providerSku = wh.code() + "-" + String.format(Locale.ROOT, "%05d", 10_000 + sku.index());
                }
                // A small seller's shelf: tens of units a SKU, a few weeks to a few months of cover.
                int capacity = sku.fastMover() ? 60 + rnd.nextInt(120) : 6 + rnd.nextInt(40);
                int coverDays = sku.fastMover() ? 25 + rnd.nextInt(20) : 40 + rnd.nextInt(120);
                double baseRate = (double) capacity / coverDays;
                p.add(new Plan(wh, sku, providerSku, capacity, baseRate, sales.factor(sku.index()) * baseRate,
                        rnd.nextInt(100) < 40 ? 1 + rnd.nextInt(3) : 0,
                        rnd.nextInt(100) < 10 ? 1 + rnd.nextInt(2) : 0,
                        rnd.nextInt(100) < 15 ? 1 + rnd.nextInt(4) : 0,
                        rnd.nextInt(100) < 25 ? 5 + rnd.nextInt(25) : 0,
                        rnd.nextInt(100) < 8 ? 1 + rnd.nextInt(2) : 0,
                        rnd.nextInt(96), p.size()));
            }
        }
        this.plans = List.copyOf(p);
        Map<String, Plan> index = new HashMap<>();
        plans.forEach(plan -> index.put(plan.warehouse().id() + ":" + plan.sku().index(), plan));
        this.byCell = Map.copyOf(index);
    }

    /** Every cell's parameters, in a stable order (warehouse, SKU index). */
    List<Plan> plans() {
        return plans;
    }

    public List<PartnerWarehouse> warehouses() {
        return warehouses;
    }

    /** The warehouses of one provider. */
    public List<PartnerWarehouse> warehouses(Provider provider) {
        return warehouses.stream().filter(w -> w.provider() == provider).toList();
    }

    /** Every cell of one provider's warehouses at {@code now}, in a stable order (warehouse, SKU index). */
    public List<PartnerCell> cells(Provider provider, Instant now) {
        List<PartnerCell> out = new ArrayList<>();
        for (Plan plan : plans) {
            if (plan.warehouse().provider() == provider) {
                out.add(cellAt(plan, now));
            }
        }
        return out;
    }

    /** The cells of one warehouse at {@code now}. */
    public List<PartnerCell> cells(PartnerWarehouse warehouse, Instant now) {
        return cells(warehouse.provider(), now).stream().filter(c -> c.warehouse().equals(warehouse)).toList();
    }

    /** One SKU's cell in one warehouse at {@code now}, or null when the warehouse does not stock it. */
    public PartnerCell cell(PartnerWarehouse warehouse, int skuIndex, Instant now) {
        Plan plan = byCell.get(warehouse.id() + ":" + skuIndex);
        return plan == null ? null : cellAt(plan, now);
    }

    /** The warehouse with this id, if it is one of the partners'. */
    public PartnerWarehouse warehouse(String id) {
        return warehouses.stream().filter(w -> w.id().equals(id)).findFirst().orElse(null);
    }

    /**
     * One cell at {@code now}. Hours before the epoch run the same cycle backwards: only what the seller
     * uploaded to TikTok a few hours before the start reads there; the daily past of the warehouses is
     * {@link WorldHistory}'s, which ends at the level of the epoch.
     */
    PartnerCell cellAt(Plan plan, Instant now) {
        long hours = Duration.between(epoch, now).toHours() + plan.phaseHours();
        long cycleHours = REPLENISH_EVERY.toHours();
        long intoCycle = Math.floorMod(hours, cycleHours);
        int sold = (int) Math.min(plan.capacity(), Math.floor(plan.perDay() * intoCycle / 24));
        int available = Math.max(0, plan.capacity() - sold - plan.reserved() - plan.frozen());
        int onHand = available + plan.reserved() + plan.frozen();
        // In-transit stock lands at the start of a cycle; later in the cycle the next shipment is on its way.
        int inTransit = intoCycle < cycleHours / 2 ? 0 : plan.inTransit();
        StockLevel truth = new StockLevel(onHand, available, plan.reserved(), inTransit, plan.qcHold(),
                plan.frozen(), plan.returnsPending());
        return new PartnerCell(plan.warehouse(), plan.sku(), plan.providerSku(), truth);
    }
}
