package com.stocklens.service;

import java.util.concurrent.atomic.AtomicReference;

/** Where the notification settings are kept (the workspace's settings file). Small file I/O: off the FX thread. */
public interface NoticePreferences {
    NoticeSettings load();

    void save(NoticeSettings settings);

    /** Kept in memory only (tests, a snapshot file), starting from {@code initial}. */
    static NoticePreferences inMemory(NoticeSettings initial) {
        AtomicReference<NoticeSettings> kept = new AtomicReference<>(initial);
        return new NoticePreferences() {
            @Override
            public NoticeSettings load() {
                return kept.get();
            }

            @Override
            public void save(NoticeSettings settings) {
                kept.set(settings);
            }
        };
    }
}
