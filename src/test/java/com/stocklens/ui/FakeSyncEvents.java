package com.stocklens.ui;

import com.stocklens.domain.SyncRun;
import com.stocklens.domain.SyncStatus;
import com.stocklens.service.SyncEvent;
import com.stocklens.service.SyncEvents;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A SyncEvents that tests fire by hand; counts live subscribers so tests can see unsubscribe. */
public final class FakeSyncEvents implements SyncEvents {
    private final List<Consumer<SyncEvent>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public AutoCloseable subscribe(Consumer<SyncEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public int subscribers() {
        return listeners.size();
    }

    public void fire() {
        SyncRun run = new SyncRun(1, "shipbob:main", Instant.EPOCH, Instant.EPOCH, SyncStatus.COMPLETE,
                1, 1, 1, null, 1L);
        for (Consumer<SyncEvent> l : listeners) {
            l.accept(new SyncEvent(run));
        }
    }
}
