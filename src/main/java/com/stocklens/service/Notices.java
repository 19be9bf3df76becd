package com.stocklens.service;

import java.util.function.Consumer;

/** Stream of {@link Notice}s for the desktop, delivered on a background thread. */
public interface Notices {
    AutoCloseable subscribe(Consumer<Notice> listener);
}
