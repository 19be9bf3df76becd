package com.stocklens.ui;

import com.stocklens.domain.Warehouse;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.IndexedCheckModel;

/**
 * Shows a {@link WarehouseFilter} as a ControlsFX {@link CheckComboBox}: one check box per warehouse
 * ("Provider · name"), the chosen ones checked, and a title saying what the screen shows ("All warehouses",
 * the one chosen, or "3 warehouses"). Checking or unchecking chooses; a choice made elsewhere (a restored
 * window, a warehouse gone) checks the boxes. Used by the stock, ageing and health screens.
 */
public final class FxWarehouseFilter {
    private FxWarehouseFilter() {
    }

    /** Binds {@code box} to {@code filter} for as long as both live (they live as long as their screen). */
    public static void bind(CheckComboBox<Warehouse> box, WarehouseFilter filter, Messages messages) {
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Warehouse w) {
                return label(w);
            }

            @Override
            public Warehouse fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        box.setTooltip(new Tooltip(messages.get("stock.warehouse.tip")));
        // True while the boxes are set from the filter: those checks are not the person's choice.
        boolean[] showing = {false};
        Runnable show = () -> {
            // The title first: the box redraws its text only when the checks change, which follows.
            box.setTitle(title(filter, messages));
            showing[0] = true;
            try {
                if (!box.getItems().equals(filter.warehouses())) {
                    box.getItems().setAll(filter.warehouses());
                }
                IndexedCheckModel<Warehouse> model = box.getCheckModel();
                model.clearChecks();
                filter.chosenWarehouses().forEach(model::check);
            } finally {
                showing[0] = false;
            }
        };
        filter.warehouses().addListener((ListChangeListener<Warehouse>) c -> show.run());
        filter.chosenProperty().addListener(o -> show.run());
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<Warehouse>) c -> {
            if (!showing[0]) {
                filter.choose(box.getCheckModel().getCheckedItems().stream().map(Warehouse::id).toList());
            }
        });
        show.run();
    }

    /** "Provider · warehouse", the way every screen names a warehouse. */
    public static String label(Warehouse w) {
        return w.provider().displayName() + " · " + w.name();
    }

    private static String title(WarehouseFilter filter, Messages messages) {
        var chosen = filter.chosenWarehouses();
        if (filter.isAll() || chosen.isEmpty()) {
            return messages.get("stock.warehouse.all");
        }
        return chosen.size() == 1 ? label(chosen.get(0))
                : messages.format("stock.warehouse.some", Formats.quantity(chosen.size(), messages));
    }
}
