package com.stocklens.rules.score;

/**
 * One thing a warehouse is scored on. {@code measured} criteria come from StockLens's own history of a
 * connected warehouse; the others from the warehouse profile the seller keeps (what the warehouse
 * declares: markets, SLA, fees, certification). Units: hours, shares 0..1, money per unit, counts.
 */
public enum Criterion {
    MARKETS(Axis.COVERAGE, Direction.HIGHER, false),
    REGIONS(Axis.COVERAGE, Direction.HIGHER, false),
    FIRST_LEG_ROUTES(Axis.LOGISTICS, Direction.HIGHER, false),
    OUTBOUND_SLA_HOURS(Axis.LOGISTICS, Direction.LOWER, false),
    LOCAL_RETURNS(Axis.LOGISTICS, Direction.YES, false),
    STORAGE_FEE(Axis.LOGISTICS, Direction.LOWER, false),
    PICK_PACK_FEE(Axis.LOGISTICS, Direction.LOWER, false),
    DOCK_TO_STOCK_HOURS(Axis.LOGISTICS, Direction.LOWER, true),
    RETURNS_QC_HOURS(Axis.LOGISTICS, Direction.LOWER, true),
    STOCKOUT_RATE(Axis.LOGISTICS, Direction.LOWER, true),
    OVER_180_SHARE(Axis.LOGISTICS, Direction.LOWER, true),
    API_READY(Axis.SYSTEM, Direction.YES, false),
    CERTIFIED(Axis.SYSTEM, Direction.YES, false),
    STALENESS_P95_MINUTES(Axis.SYSTEM, Direction.LOWER, true),
    SYNC_FAILURE_SHARE(Axis.SYSTEM, Direction.LOWER, true),
    CALIBRATIONS_PER_1000(Axis.SYSTEM, Direction.LOWER, true);

    private final Axis axis;
    private final Direction direction;
    private final boolean measured;

    Criterion(Axis axis, Direction direction, boolean measured) {
        this.axis = axis;
        this.direction = direction;
        this.measured = measured;
    }

    public Axis axis() {
        return axis;
    }

    public Direction direction() {
        return direction;
    }

    /** True when the value comes from our own history of a connected warehouse, not from its profile. */
    public boolean measured() {
        return measured;
    }
}
