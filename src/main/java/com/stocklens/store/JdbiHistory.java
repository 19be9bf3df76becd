package com.stocklens.store;

import com.stocklens.domain.Snapshot;
import com.stocklens.service.History;
import com.stocklens.service.StockBoard;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/** The snapshot history of the store: moments from the snapshot table, boards through the board reader. */
public final class JdbiHistory implements History {
    private final Jdbi jdbi;
    private final JdbiStockBoardReader boards;

    public JdbiHistory(Jdbi jdbi, JdbiStockBoardReader boards) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.boards = Objects.requireNonNull(boards, "boards");
    }

    @Override
    public List<Snapshot> moments() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, source_id, taken_at, row_count FROM snapshot "
                        + "ORDER BY taken_at, id")
                .map(SnapshotRepository::snapshot)
                .list());
    }

    @Override
    public StockBoard boardAt(Instant at) {
        return boards.readAt(at);
    }
}
