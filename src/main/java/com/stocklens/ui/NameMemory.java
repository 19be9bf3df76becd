package com.stocklens.ui;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Remembers who is at the keyboard, so the audit trail of a declaration or an acknowledgement names a
 * person without asking every time. The root backs it with the workspace settings; tests keep it in
 * memory. Implementations must be safe to call from any thread (actions run on the background executor).
 */
public interface NameMemory {
    /** The remembered name; never null or blank. */
    String get();

    /** Remembers {@code name} (blank names are ignored: the audit trail must always name someone). */
    void set(String name);

    /** The OS user name, which is what a seller's laptop account is usually called. */
    static String osUserName() {
        String name = System.getProperty("user.name");
        return name == null || name.isBlank() ? "seller" : name;
    }

    /** A memory that lives as long as the object; starts at {@code initial}. */
    static NameMemory inMemory(String initial) {
        Objects.requireNonNull(initial, "initial");
        AtomicReference<String> value = new AtomicReference<>(initial);
        return new NameMemory() {
            @Override
            public String get() {
                return value.get();
            }

            @Override
            public void set(String name) {
                if (name != null && !name.isBlank()) {
                    value.set(name.strip());
                }
            }
        };
    }
}
