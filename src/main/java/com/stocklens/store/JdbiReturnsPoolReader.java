package com.stocklens.store;

import com.stocklens.domain.ReturnItem;
import com.stocklens.domain.ReturnStage;
import com.stocklens.service.ReturnsPoolReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * The returns buffer pool from the stored TikTok return items: every unit requested, on its way back
 * or awaiting inspection, one item per unit, ordered by SKU then age (oldest first). Units that
 * passed or failed QC, and refunds without goods, are not in the pool.
 */
public final class JdbiReturnsPoolReader implements ReturnsPoolReader {
    private final Jdbi jdbi;

    public JdbiReturnsPoolReader(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public boolean isKnown() {
        // The cursor only moves when a window of orders and returns committed whole.
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM activity_cursor")
                .mapTo(Integer.class).one()) > 0;
    }

    private static final String COLUMNS = "SELECT shop_id, return_id, order_id, line_id, seller_sku, "
            + "tiktok_sku_id, return_type, return_status, stage, created_at, updated_at FROM return_item ";

    @Override
    public List<ReturnItem> openReturns() {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS
                        + "WHERE stage IN ('REQUESTED', 'IN_TRANSIT_BACK', 'AWAITING_QC') "
                        + "ORDER BY seller_sku, created_at, return_id, line_id")
                .map((rs, ctx) -> item(rs))
                .list());
    }

    @Override
    public List<ReturnItem> passedSince(Instant since) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + "WHERE stage = 'QC_PASSED' AND updated_at >= :since "
                        + "ORDER BY seller_sku, updated_at, return_id, line_id")
                .bind("since", SqlValues.timestamp(since))
                .map((rs, ctx) -> item(rs))
                .list());
    }

    private static ReturnItem item(ResultSet rs) throws SQLException {
        return new ReturnItem(rs.getString("shop_id"), rs.getString("return_id"),
                rs.getString("order_id"), rs.getString("line_id"), rs.getString("seller_sku"),
                rs.getString("tiktok_sku_id"), rs.getString("return_type"), rs.getString("return_status"),
                ReturnStage.valueOf(rs.getString("stage")), SqlValues.instant(rs, "created_at"),
                SqlValues.instant(rs, "updated_at"));
    }
}
