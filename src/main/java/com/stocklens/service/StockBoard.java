package com.stocklens.service;

import com.stocklens.domain.Warehouse;
import java.util.List;

/** What the latest complete snapshots of every source say, joined per SKU × warehouse. */
public record StockBoard(List<BoardRow> rows, List<Warehouse> warehouses, List<SourceFreshness> sources) {
    public StockBoard {
        rows = List.copyOf(rows);
        warehouses = List.copyOf(warehouses);
        sources = List.copyOf(sources);
    }

    public static final StockBoard EMPTY = new StockBoard(List.of(), List.of(), List.of());
}
