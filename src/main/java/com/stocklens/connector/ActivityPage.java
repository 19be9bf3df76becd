package com.stocklens.connector;

import com.stocklens.domain.ReturnItem;
import com.stocklens.domain.SaleLine;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One complete window of shop activity: every sale line and return item updated in
 * [{@code since}, {@code until}), one element per unit.
 *
 * @param requests HTTP attempts the window took, retries included
 */
public record ActivityPage(Instant since, Instant until, List<SaleLine> sales, List<ReturnItem> returns,
                           int requests) {
    public ActivityPage {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        sales = List.copyOf(sales);
        returns = List.copyOf(returns);
    }
}
