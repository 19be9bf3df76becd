package com.stocklens.service;

import com.stocklens.domain.Snapshot;
import java.time.Instant;
import java.util.List;

/**
 * The snapshot history held in the cache: which moments exist, the board as it was at any of them, and
 * what changed between two. Blocking I/O: never call it on the FX thread.
 */
public interface History {
    /** Every complete snapshot the cache still holds, oldest first (ties by id). */
    List<Snapshot> moments();

    /**
     * The board as it stood at {@code at}: per source, the latest complete snapshot taken at or before it.
     * Before a source's first snapshot the source has no rows ("no data yet"), never another moment's.
     */
    StockBoard boardAt(Instant at);

    /** The buckets that differ between the boards at {@code from} and at {@code to}, largest impact first. */
    default List<StockChange> diff(Instant from, Instant to) {
        return StockDiff.between(boardAt(from), boardAt(to));
    }

    /** No history: no moments, an empty board at every instant. */
    History NONE = new History() {
        @Override
        public List<Snapshot> moments() {
            return List.of();
        }

        @Override
        public StockBoard boardAt(Instant at) {
            return StockBoard.EMPTY;
        }
    };
}
