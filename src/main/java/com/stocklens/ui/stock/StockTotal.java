package com.stocklens.ui.stock;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One tile's figure: the sum of a bucket over every warehouse that reports it, and how many do.
 * A sum over some unknowns is the known part with "n of m report"; when none report the sum is
 * {@code null} ("—"), never 0.
 */
public final class StockTotal {
    private final String key;
    private final ReadOnlyObjectWrapper<Long> sum = new ReadOnlyObjectWrapper<>(this, "sum");
    private final ReadOnlyIntegerWrapper reporting = new ReadOnlyIntegerWrapper(this, "reporting");
    private final ReadOnlyIntegerWrapper warehouses = new ReadOnlyIntegerWrapper(this, "warehouses");

    StockTotal(String key) {
        this.key = key;
    }

    /** The bucket key ({@code onHand} …) or {@code tiktokAvailable}; also the i18n key suffix. */
    public String key() {
        return key;
    }

    /** Known sum, {@code null} when no warehouse reports this figure. */
    public ReadOnlyObjectProperty<Long> sumProperty() {
        return sum.getReadOnlyProperty();
    }

    public Long getSum() {
        return sum.get();
    }

    /** Warehouses with at least one known figure in this bucket. */
    public ReadOnlyIntegerProperty reportingProperty() {
        return reporting.getReadOnlyProperty();
    }

    public int getReporting() {
        return reporting.get();
    }

    /** Warehouses on the board. */
    public ReadOnlyIntegerProperty warehousesProperty() {
        return warehouses.getReadOnlyProperty();
    }

    public int getWarehouses() {
        return warehouses.get();
    }

    /** True when some, but not all, warehouses report: the sum is a lower bound. */
    public boolean isPartial() {
        return getReporting() > 0 && getReporting() < getWarehouses();
    }

    void set(Long newSum, int newReporting, int newWarehouses) {
        // Counts first, sum last: views redraw on the sum and then read consistent counts.
        reporting.set(newReporting);
        warehouses.set(newWarehouses);
        sum.set(newSum);
    }
}
