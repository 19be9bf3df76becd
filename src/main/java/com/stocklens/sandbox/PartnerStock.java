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
 * the same moment agree and the ShipBob simulation's random sequence is untouched.
 */
public final class PartnerStock {
    /** Every partner warehouse of the demo, across US, UK and Southeast Asian markets. */
    public static final List<PartnerWarehouse> WAREHOUSES = List.of(
            new PartnerWarehouse(Provider.WINIT, "1000069", "UKBH", "WINIT UK Birmingham", Market.GB,
                    "GB-Midlands", ZoneId.of("Europe/London"), 0, 0),
            new PartnerWarehouse(Provider.WINIT, "1000201", "MYKL", "WINIT MY Kuala Lumpur", Market.MY,
                    "MY-Central", ZoneId.of("Asia/Kuala_Lumpur"), 0, 0),
            new PartnerWarehouse(Provider.SHIPMONK, "5", "CA1", "ShipMonk Los Angeles (CA1)", Market.US,
                    "US-West", ZoneId.of("America/Los_Angeles"), 0, 0),
            new PartnerWarehouse(Provider.FLEXPORT, "RNO1", "RNO1", "Flexport Reno (NV)", Market.US,
                    "US-West", ZoneId.of("America/Los_Angeles"), 7, 40),
            new PartnerWarehouse(Provider.GOODCANG, "USEA", "USEA", "GoodCang US East (NJ)", Market.US,
                    "US-East", ZoneId.of("America/New_York"), 0, 15),
            new PartnerWarehouse(Provider.CSV, "PH-MNL", "PH-MNL", "Manila partner warehouse", Market.PH,
                    "PH-Luzon", ZoneId.of("Asia/Manila"), 0, 0));

    private static final Duration REPLENISH_EVERY = Duration.ofDays(4);

    private final List<PartnerWarehouse> warehouses;
    private final List<Plan> plans;
    /** "warehouse id:SKU index" → its plan. */
    private final Map<String, Plan> byCell;
    private final Instant epoch;

    /** A cell's fixed parameters; its level at any moment is computed from them. */
    private record Plan(PartnerWarehouse warehouse, SimSku sku, String providerSku, int capacity, int perDay,
                        int reserved, int frozen, int qcHold, int inTransit, int returnsPending, int phaseHours) {
    }

    PartnerStock(long seed, List<SimSku> skus, Instant epoch) {
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
                int capacity = sku.fastMover() ? 300 + rnd.nextInt(400) : 20 + rnd.nextInt(160);
                int perDay = sku.fastMover() ? 20 + rnd.nextInt(30) : rnd.nextInt(6);
                p.add(new Plan(wh, sku, providerSku, capacity, perDay,
                        rnd.nextInt(100) < 40 ? 1 + rnd.nextInt(8) : 0,
                        rnd.nextInt(100) < 10 ? 1 + rnd.nextInt(5) : 0,
                        rnd.nextInt(100) < 15 ? 1 + rnd.nextInt(12) : 0,
                        rnd.nextInt(100) < 25 ? 20 + rnd.nextInt(100) : 0,
                        rnd.nextInt(100) < 8 ? 1 + rnd.nextInt(3) : 0,
                        rnd.nextInt(96)));
            }
        }
        this.plans = List.copyOf(p);
        Map<String, Plan> index = new HashMap<>();
        plans.forEach(plan -> index.put(plan.warehouse().id() + ":" + plan.sku().index(), plan));
        this.byCell = Map.copyOf(index);
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

    private PartnerCell cellAt(Plan plan, Instant now) {
        // Before the start the same cycle runs backwards (what the seller uploaded to TikTok hours earlier).
        long hours = Duration.between(epoch, now).toHours() + plan.phaseHours();
        long cycleHours = REPLENISH_EVERY.toHours();
        long intoCycle = Math.floorMod(hours, cycleHours);
        int sold = (int) Math.min(plan.capacity(), plan.perDay() * intoCycle / 24);
        int available = Math.max(0, plan.capacity() - sold - plan.reserved() - plan.frozen());
        int onHand = available + plan.reserved() + plan.frozen();
        // In-transit stock lands at the start of a cycle; later in the cycle the next shipment is on its way.
        int inTransit = intoCycle < cycleHours / 2 ? 0 : plan.inTransit();
        StockLevel truth = new StockLevel(onHand, available, plan.reserved(), inTransit, plan.qcHold(),
                plan.frozen(), plan.returnsPending());
        return new PartnerCell(plan.warehouse(), plan.sku(), plan.providerSku(), truth);
    }
}
