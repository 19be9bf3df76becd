package com.stocklens.service;

import java.util.function.Consumer;

/** Publishes one {@link SyncEvent} per finished sync run, on the sync engine's event thread. */
public interface SyncEvents {
    /** Subscribes; close the returned handle to unsubscribe. */
    AutoCloseable subscribe(Consumer<SyncEvent> listener);
}
