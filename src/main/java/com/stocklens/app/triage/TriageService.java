package com.stocklens.app.triage;

import com.stocklens.domain.BeijingTime;
import com.stocklens.domain.Thresholds;
import com.stocklens.service.DailyDemand;
import com.stocklens.service.DemandReader;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.FlagReader;
import com.stocklens.service.StockBoard;
import com.stocklens.service.StockBoardReader;
import com.stocklens.service.Triage;
import com.stocklens.service.TriageList;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The triage list over the store: reads the red flags, the stock board of the same moment and the demand,
 * and ranks them ({@link TriageRanking}). The window, the wall and {@code triage} all use it.
 *
 * <p>Daily sales are the demand reader's units per Beijing day over the policy's demand window (the days
 * before the moment's own day, which is not over yet), averaged over the days the SKU was in stock, as the
 * safety-stock rule averages them.
 */
public final class TriageService implements Triage {
    private static final Logger LOG = LoggerFactory.getLogger(TriageService.class);

    private final FlagReader flags;
    private final StockBoardReader board;
    private final DemandReader demand;
    private final Supplier<Thresholds> thresholds;
    private final Clock clock;

    /**
     * @param demand     daily units sold per SKU, or null when none is known (the units at risk then decide)
     * @param thresholds the policy (its demand window)
     */
    public TriageService(FlagReader flags, StockBoardReader board, DemandReader demand,
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
        return TriageRanking.rank(flagBoard, stock, dailySales(at), at);
    }

    /**
     * The average units sold per in-stock day per SKU over the demand window before {@code at}'s day; null when
     * unknown.
     */
    Map<String, Double> dailySales(Instant at) {
        if (demand == null) {
            return null;
        }
        LocalDate to = at.atZone(BeijingTime.ZONE).toLocalDate().minusDays(1);
        LocalDate from = to.minusDays(thresholds.get().demandWindowDays() - 1L);
        try {
            Map<String, Double> out = new HashMap<>();
            demand.dailyDemand(from, to).forEach((sku, days) -> out.put(sku, averageInStock(days)));
            return out;
        } catch (RuntimeException e) {
            LOG.warn("Demand could not be read; the triage ranks by units at risk alone: {}", e.toString());
            return null;
        }
    }

    /** Units per day over the days the SKU was in stock (stock-out days say nothing of demand); 0 with none. */
    static double averageInStock(List<DailyDemand> days) {
        int n = 0;
        long units = 0;
        for (DailyDemand d : days) {
            if (!d.stockOut()) {
                n++;
                units += d.units();
            }
        }
        return n == 0 ? 0.0 : units / (double) n;
    }
}
