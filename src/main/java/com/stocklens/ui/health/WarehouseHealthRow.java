package com.stocklens.ui.health;

import com.stocklens.domain.HealthFigure;
import com.stocklens.domain.HealthIndicator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One warehouse's line of the health report: its figures by indicator. */
public record WarehouseHealthRow(String warehouseId, String label, Map<HealthIndicator, HealthFigure> figures) {
    public WarehouseHealthRow {
        figures = Map.copyOf(figures);
    }

    static WarehouseHealthRow of(String id, String label, List<HealthFigure> figures) {
        Map<HealthIndicator, HealthFigure> map = new EnumMap<>(HealthIndicator.class);
        for (HealthFigure f : figures) {
            map.put(f.indicator(), f);
        }
        return new WarehouseHealthRow(id, label, map);
    }

    /** The figure for {@code indicator}, null when the report has none. */
    public HealthFigure figure(HealthIndicator indicator) {
        return figures.get(indicator);
    }
}
