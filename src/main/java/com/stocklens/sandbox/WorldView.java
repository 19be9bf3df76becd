package com.stocklens.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, consistent snapshot of a {@link SimulatedWorld} at one step. The sandbox server
 * answers each request from one view, so a page never mixes two moments; tests compare against it.
 */
public final class WorldView {
    private final Instant now;
    private final long step;
    private final SimulatedWorld world;
    private final int[] onHand;
    private final int[] reserved;
    private final int[] frozen;
    private final int[] inTransit;
    private final int[] qcHold;
    private final int[] returnPendingQc;
    private final List<Wro> wros;
    private final List<SimReturn> returns;
    private final Map<Integer, Drift> driftByCell;
    private final List<SimOrder> tiktokOrders;
    private final List<SimTikTokReturn> tiktokReturns;
    private final List<List<SimLot>> lots;
    private final Map<String, Integer> tiktokOffsets;

    WorldView(Instant now, long step, SimulatedWorld world, int[] onHand, int[] reserved, int[] frozen,
              int[] inTransit, int[] qcHold, int[] returnPendingQc, List<Wro> wros, List<SimReturn> returns,
              Map<Integer, Drift> driftByCell, List<SimOrder> tiktokOrders, List<SimTikTokReturn> tiktokReturns,
              List<List<SimLot>> lots, Map<String, Integer> tiktokOffsets) {
        this.now = now;
        this.step = step;
        this.world = world;
        this.onHand = onHand;
        this.reserved = reserved;
        this.frozen = frozen;
        this.inTransit = inTransit;
        this.qcHold = qcHold;
        this.returnPendingQc = returnPendingQc;
        this.wros = List.copyOf(wros);
        this.returns = List.copyOf(returns);
        this.driftByCell = Map.copyOf(driftByCell);
        this.tiktokOrders = tiktokOrders;
        this.tiktokReturns = List.copyOf(tiktokReturns);
        this.lots = lots;
        this.tiktokOffsets = tiktokOffsets;
    }

    /** The lots of one SKU in one FC, oldest first; their units add up to the cell's on hand. */
    public List<SimLot> lots(int skuIndex, int fcId) {
        return lots.get(skuIndex * SimulatedWorld.FC_COUNT + world.fcPos(fcId));
    }

    /** The simulated moment of this view. */
    public Instant now() {
        return now;
    }

    /** Number of steps applied since the world was created. */
    public long step() {
        return step;
    }

    public List<SimSku> skus() {
        return world.skus();
    }

    public List<SimProduct> products() {
        return world.products();
    }

    public List<FulfilmentCentre> fulfilmentCentres() {
        return world.fulfilmentCentres();
    }

    public List<SimShop> shops() {
        return world.shops();
    }

    /** The true state of one SKU in one FC. */
    public CellState cell(int skuIndex, int fcId) {
        int c = skuIndex * SimulatedWorld.FC_COUNT + world.fcPos(fcId);
        return new CellState(skuIndex, world.skus().get(skuIndex).sellerSku(), fcId, onHand[c], reserved[c],
                frozen[c], inTransit[c], qcHold[c], returnPendingQc[c]);
    }

    /** Every SKU × FC, ordered by SKU then FC. */
    public List<CellState> cells() {
        List<CellState> all = new ArrayList<>(onHand.length);
        for (SimSku sku : world.skus()) {
            for (FulfilmentCentre fc : world.fulfilmentCentres()) {
                all.add(cell(sku.index(), fc.id()));
            }
        }
        return Collections.unmodifiableList(all);
    }

    /** WROs not yet completed plus those completed within the last hour of simulated time. */
    public List<Wro> wros() {
        return wros;
    }

    /** Returns not yet completed plus those completed within the last hour of simulated time. */
    public List<SimReturn> returns() {
        return returns;
    }

    /** Every TikTok order placed up to this view (28 days of history included), in placing order. */
    public List<SimOrder> tiktokOrders() {
        return tiktokOrders;
    }

    /** Every customer return TikTok knows of up to this view, completed ones included. */
    public List<SimTikTokReturn> tiktokReturns() {
        return tiktokReturns;
    }

    /** The drifts active in this view. */
    public List<Drift> drifts() {
        return driftByCell.values().stream()
                .sorted(Comparator.comparingInt(Drift::skuIndex).thenComparingInt(Drift::fcId))
                .toList();
    }

    /** The drift on one SKU × FC, if any. */
    public Optional<Drift> drift(int skuIndex, int fcId) {
        return Optional.ofNullable(driftByCell.get(skuIndex * SimulatedWorld.FC_COUNT + world.fcPos(fcId)));
    }

    /**
     * What TikTok reports for this SKU in the TikTok warehouse linked to {@code fcId}: the
     * warehouse's available and reserved, except where a drift is active.
     */
    public TikTokStock tiktokStock(int skuIndex, int fcId) {
        CellState cell = cell(skuIndex, fcId);
        int available = cell.available();
        int committed = cell.reserved();
        Drift drift = driftByCell.get(skuIndex * SimulatedWorld.FC_COUNT + world.fcPos(fcId));
        Integer written = offset(salesWarehouseOf(fcId), skuIndex);
        if (written != null) {
            // A stock write set TikTok's figure: it follows the warehouse's with that difference, drift or not.
            available = Math.max(0, available + written);
            if (drift != null && drift.kind() == Drift.Kind.COMMITTED_HIGH) {
                committed += 1 + drift.extra();
            }
        } else if (drift != null) {
            int total = cell.onHand() + cell.inTransit() + cell.qcHold() + cell.returnPendingQc();
            // Always beyond both calibration thresholds (5 units, 3 % of total stock).
            int gap = Math.max(6, (int) Math.ceil(total * 0.04)) + drift.extra();
            switch (drift.kind()) {
                case AVAILABLE_HIGH -> available += gap;
                case AVAILABLE_LOW -> available = available >= gap ? available - gap : available + gap;
                case COMMITTED_HIGH -> committed += 1 + drift.extra();
            }
        }
        return new TikTokStock(available, committed);
    }

    /**
     * What TikTok reports for this SKU in one of its sales warehouses: for a ShipBob FC's, as
     * {@link #tiktokStock(int, int)}; for a partner warehouse's, what the seller last uploaded by hand (the
     * warehouse's figure at the last upload: three hours before the world began, then every
     * {@link SimulatedWorld#MANUAL_UPLOAD_EVERY}) until a stock write sets it.
     */
    public TikTokStock tiktokStock(SimShop.TikTokWarehouse w, int skuIndex) {
        if (!w.isPartner()) {
            return tiktokStock(skuIndex, w.fcId());
        }
        PartnerCell current = partnerCell(w, skuIndex);
        if (current == null) {
            return new TikTokStock(0, 0);
        }
        Integer written = offset(w.id(), skuIndex);
        if (written != null) {
            return new TikTokStock(Math.max(0, current.truth().available() + written), current.truth().reserved());
        }
        long every = SimulatedWorld.MANUAL_UPLOAD_EVERY.toSeconds();
        Instant first = world.epoch().minus(SimulatedWorld.FIRST_UPLOAD_BEFORE_START);
        Instant upload = first.plusSeconds(Math.floorDiv(Duration.between(first, now).toSeconds(), every) * every);
        PartnerCell uploaded = world.partners().cell(world.partners().warehouse(w.partner()), skuIndex, upload);
        return new TikTokStock(uploaded.truth().available(), current.truth().reserved());
    }

    /** Whether TikTok lists the SKU in this sales warehouse: every listed SKU in an FC's, the stocked ones in a partner's. */
    public boolean assigned(SimShop.TikTokWarehouse w, int skuIndex) {
        if (!w.isSales() || !world.skus().get(skuIndex).onTikTok()) {
            return false;
        }
        return !w.isPartner() || partnerCell(w, skuIndex) != null;
    }

    /** The warehouse's own available figure behind a TikTok sales warehouse (what a stock write is measured from). */
    int warehouseAvailable(SimShop.TikTokWarehouse w, int skuIndex) {
        if (!w.isPartner()) {
            return cell(skuIndex, w.fcId()).available();
        }
        PartnerCell c = partnerCell(w, skuIndex);
        return c == null ? 0 : c.truth().available();
    }

    private PartnerCell partnerCell(SimShop.TikTokWarehouse w, int skuIndex) {
        PartnerWarehouse partner = world.partners().warehouse(w.partner());
        return partner == null ? null : world.partners().cell(partner, skuIndex, now);
    }

    private Integer offset(String tiktokWarehouseId, int skuIndex) {
        return tiktokWarehouseId == null ? null
                : tiktokOffsets.get(SimulatedWorld.offsetKey(tiktokWarehouseId, skuIndex));
    }

    private String salesWarehouseOf(int fcId) {
        for (SimShop shop : world.shops()) {
            for (SimShop.TikTokWarehouse w : shop.warehouses()) {
                if (w.isSales() && !w.isPartner() && w.fcId() == fcId) {
                    return w.id();
                }
            }
        }
        return null;
    }

    /** The shop with this cipher, if any. */
    public Optional<SimShop> shopByCipher(String cipher) {
        return world.shops().stream().filter(s -> s.cipher().equals(cipher)).findFirst();
    }
}
