package com.stocklens.service;

import java.util.List;
import java.util.function.Consumer;

/** Stream of {@link Notice}s for the desktop, delivered on a background thread. */
public interface Notices {
    /** Each notice on its own. */
    AutoCloseable subscribe(Consumer<Notice> listener);

    /**
     * The notices of one occasion together: everything one rule evaluation raised (or one deadline check
     * reminded of), never empty, in the order {@link #subscribe} delivers them. What the window's notification
     * centre sums up as one notification. The default hands each notice over alone.
     */
    default AutoCloseable subscribeBatches(Consumer<List<Notice>> listener) {
        return subscribe(n -> listener.accept(List.of(n)));
    }
}
