package com.stocklens.ui;

import com.stocklens.domain.Warehouse;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The warehouses a screen shows (stock, ageing, health): every warehouse it knows of, and the ones the person
 * chose; none chosen means all of them. A choice is a set of warehouse ids, replaced whole (one change per
 * click), so a screen re-reads or re-filters once. Free of the toolkit; FX thread only.
 */
public final class WarehouseFilter {
    private final ObservableList<Warehouse> warehouses = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Set<String>> chosen = new ReadOnlyObjectWrapper<>(this, "chosen", Set.of());

    /** Every warehouse the screen knows of, in the screen's order. */
    public ObservableList<Warehouse> warehouses() {
        return warehouses;
    }

    /** The ids chosen (unmodifiable, in the order chosen); empty: all warehouses. */
    public ReadOnlyObjectProperty<Set<String>> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    public Set<String> chosen() {
        return chosen.get();
    }

    /** Chooses exactly {@code ids} (empty: all warehouses again). */
    public void choose(Collection<String> ids) {
        Set<String> next = Collections.unmodifiableSet(new LinkedHashSet<>(ids));
        if (!next.equals(chosen.get())) {
            chosen.set(next);
        }
    }

    /** True when the rows of {@code warehouseId} are shown: it is chosen, or nothing is. */
    public boolean includes(String warehouseId) {
        Set<String> c = chosen.get();
        return c.isEmpty() || c.contains(warehouseId);
    }

    /** True when no warehouse is chosen: the screen shows all of them. */
    public boolean isAll() {
        return chosen.get().isEmpty();
    }

    /** The chosen warehouses the screen knows of, in the screen's order. */
    public List<Warehouse> chosenWarehouses() {
        Set<String> c = chosen.get();
        return warehouses.stream().filter(w -> c.contains(w.id())).toList();
    }

    /**
     * The warehouses the screen knows of now (the list is touched only when it changed, so an open drop-down
     * stays open through a refresh). A chosen warehouse that is gone is no longer chosen; while none is known
     * yet (before the first read), a choice taken over from an earlier window waits.
     */
    public void setWarehouses(List<Warehouse> now) {
        if (!now.equals(warehouses)) {
            warehouses.setAll(now);
        }
        if (now.isEmpty()) {
            return;
        }
        Set<String> known = new LinkedHashSet<>();
        now.forEach(w -> known.add(w.id()));
        choose(chosen.get().stream().filter(known::contains).toList());
    }
}
