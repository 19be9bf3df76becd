package com.stocklens.ui.history;

import com.stocklens.service.History;
import com.stocklens.service.StockBoard;
import com.stocklens.service.StockBoardReader;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The window's board reader: "now" from the live reader, or the board as of the chosen moment. Screens
 * keep calling {@link #read()}; the time control decides which moment it answers for.
 */
public final class AsOfBoardReader implements StockBoardReader {
    private final StockBoardReader live;
    private final Supplier<Instant> asOf;

    /** @param asOf the chosen moment, null for now; read on the background thread */
    public AsOfBoardReader(StockBoardReader live, Supplier<Instant> asOf) {
        this.live = Objects.requireNonNull(live, "live");
        this.asOf = Objects.requireNonNull(asOf, "asOf");
    }

    @Override
    public StockBoard read() {
        Instant at = asOf.get();
        return at == null ? live.read() : live.history().boardAt(at);
    }

    @Override
    public History history() {
        return live.history();
    }
}
