package com.stocklens.sandbox;

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

    WorldView(Instant now, long step, SimulatedWorld world, int[] onHand, int[] reserved, int[] frozen,
              int[] inTransit, int[] qcHold, int[] returnPendingQc, List<Wro> wros, List<SimReturn> returns,
              Map<Integer, Drift> driftByCell, List<SimOrder> tiktokOrders, List<SimTikTokReturn> tiktokReturns,
              List<List<SimLot>> lots) {
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
        if (drift != null) {
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

    /** The shop with this cipher, if any. */
    public Optional<SimShop> shopByCipher(String cipher) {
        return world.shops().stream().filter(s -> s.cipher().equals(cipher)).findFirst();
    }
}
