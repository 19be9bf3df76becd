package com.stocklens.service;

import com.stocklens.domain.WarehouseKpis;
import com.stocklens.domain.WarehouseProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Warehouse profiles and what our own history measured of each connected warehouse: what the scorecard
 * screen and {@code scores --json} read. Blocking I/O: never on the FX thread. Scoring itself is pure
 * ({@code rules.score.Scorecard}) and left to the caller, so weights can change without a read.
 */
public interface Scorecards {
    /** Every connected warehouse (with its profile, or one built from what the connection knows) and every candidate. */
    Board read();

    /** Inserts or replaces a profile. */
    void save(WarehouseProfile profile);

    /** Removes a candidate (or a connected warehouse's profile, which then falls back to what is known). */
    void delete(String id);

    /**
     * Imports candidates from a CSV file (columns in {@link ProfileCsv}); all or nothing.
     *
     * @return the profiles saved
     * @throws ProfileCsv.CsvProblem when a line is wrong (nothing saved)
     */
    List<WarehouseProfile> importCandidates(Path csv) throws IOException, ProfileCsv.CsvProblem;

    /**
     * The seller's weights by axis or criterion name ({@code COVERAGE}, {@code OUTBOUND_SLA_HOURS}; the names
     * of {@code scores --weight}), only those moved away from the default 1. Empty when never set.
     */
    default Map<String, Double> weights() {
        return Map.of();
    }

    /** Replaces the seller's weights (names as in {@link #weights()}; empty = back to the defaults). */
    default void saveWeights(Map<String, Double> weights) {
        throw new UnsupportedOperationException("scorecard weights cannot be saved in this build");
    }

    /**
     * One warehouse on the board.
     *
     * @param connected true for a warehouse StockLens syncs (its KPIs are measured); false for a candidate
     */
    record Entry(WarehouseProfile profile, WarehouseKpis kpis, boolean connected) {
    }

    /**
     * The board: entries, the shop's size for the stage guide (null = unknown), and the KPI window.
     */
    record Board(List<Entry> entries, Integer skus, Integer monthlyOrders, Instant from, Instant to) {
        public Board {
            entries = List.copyOf(entries);
        }

        public static final Board EMPTY = new Board(List.of(), null, null, Instant.EPOCH, Instant.EPOCH);
    }

    Scorecards NONE = new Scorecards() {
        @Override
        public Board read() {
            return Board.EMPTY;
        }

        @Override
        public void save(WarehouseProfile profile) {
            throw new UnsupportedOperationException("warehouse profiles are not available in this build");
        }

        @Override
        public void delete(String id) {
            throw new UnsupportedOperationException("warehouse profiles are not available in this build");
        }

        @Override
        public List<WarehouseProfile> importCandidates(Path csv) throws IOException {
            throw new IOException("warehouse profiles are not available in this build");
        }

        @Override
        public void saveWeights(Map<String, Double> weights) {
            // nothing stored: the weights last as long as the window
        }
    };
}
