package com.stocklens.app.triage;

import com.stocklens.domain.BeijingTime;
import com.stocklens.domain.DemandMean;
import com.stocklens.domain.Thresholds;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.FlagReader;
import com.stocklens.service.SkuDemandReader;
import com.stocklens.service.StockBoard;
import com.stocklens.service.StockBoardReader;
import com.stocklens.service.Triage;
import com.stocklens.service.TriageList;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The triage list over the store: reads the red flags, the stock board of the same moment and the demand,
 * and ranks them ({@link TriageRanking}). The window, the wall and {@code triage} all use it.
 *
 * <p>Daily sales are the one demand model's d̄ of each SKU on its total over all warehouses
 * ({@link SkuDemandReader}) over the policy's demand window (the days before the moment's
 * own day, which is not over yet): days before sales history began are no data, stock-out days are skipped, and a
 * SKU with no day left has unknown sales, not zero. Only the SKUs of the alerts whose units at risk an impact
 * multiplies are read: none showing, nothing read.
 */
public final class TriageService implements Triage {
    private static final Logger LOG = LoggerFactory.getLogger(TriageService.class);

    private final FlagReader flags;
    private final StockBoardReader board;
    private final SkuDemandReader demand;
    private final Supplier<Thresholds> thresholds;
    private final Clock clock;

    /**
     * @param demand     daily units sold per SKU, or null when none is known (the units at risk then decide)
     * @param thresholds the policy (its demand window)
     */
    public TriageService(FlagReader flags, StockBoardReader board, SkuDemandReader demand,
                         Supplier<Thresholds> thresholds, Clock clock) {
        this.flags = Objects.requireNonNull(flags, "flags");
        this.board = Objects.requireNonNull(board, "board");
        this.demand = demand;
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public TriageList now() {
        return rank(flags.read());
    }

    @Override
    public TriageList rank(FlagBoard flagBoard) {
        Instant at = flagBoard.asOf() != null ? flagBoard.asOf() : clock.instant();
        // Only a stale source's line counts what it blocks on the board: without one showing, the ranking needs
        // no stock at all, and a 100,000-row workspace is spared a whole board read on every flags change.
        StockBoard stock = !TriageRanking.needsBoard(flagBoard, at) ? StockBoard.EMPTY
                : flagBoard.asOf() != null ? board.history().boardAt(at) : board.read();
        return TriageRanking.rank(flagBoard, stock, dailySales(TriageRanking.skusWithImpact(flagBoard, at), at), at);
    }

    /**
     * The d̄ of {@code skus} over the demand window before {@code at}'s day (a SKU of unknown demand absent); null
     * when demand cannot be read at all.
     */
    Map<String, DemandMean> dailySales(Set<String> skus, Instant at) {
        if (demand == null) {
            return null;
        }
        if (skus.isEmpty()) {
            return Map.of();
        }
        LocalDate to = at.atZone(BeijingTime.ZONE).toLocalDate().minusDays(1);
        LocalDate from = to.minusDays(thresholds.get().demandWindowDays() - 1L);
        try {
            return Map.copyOf(demand.dailyDemand(from, to, skus));
        } catch (RuntimeException e) {
            LOG.warn("Demand could not be read; the triage ranks by units at risk alone: {}", e.toString());
            return null;
        }
    }
}
