package com.stocklens.service;

import java.util.function.Consumer;

/** Publishes one {@link FlagsChanged} per rule evaluation or flag action, on a background thread. */
public interface FlagEvents {
    AutoCloseable subscribe(Consumer<FlagsChanged> listener);
}
