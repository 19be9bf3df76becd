package com.stocklens.domain;

import java.util.Objects;

/**
 * One setting a connection of some {@link ConnectionKind} needs.
 *
 * @param key          stable key, e.g. {@code api_base}, {@code token}; also the message key suffix
 *                     {@code connection.field.<key>} of its label
 * @param secret       kept in the secret store (keychain or encrypted file), never in the database,
 *                     settings, logs or exports
 * @param required     the connection cannot be tested or synced without it
 * @param defaultValue the production value, or null
 */
public record ConnectionField(String key, boolean secret, boolean required, String defaultValue) {
    /** The setting of every API connection that bounds one read: whole minutes, empty for the default. */
    public static final String READ_DEADLINE = "read_deadline_minutes";

    public ConnectionField {
        Objects.requireNonNull(key, "key");
    }

    static ConnectionField plain(String key, String defaultValue) {
        return new ConnectionField(key, false, true, defaultValue);
    }

    static ConnectionField optional(String key, String defaultValue) {
        return new ConnectionField(key, false, false, defaultValue);
    }

    /** The optional {@value #READ_DEADLINE} field every API connection offers. */
    static ConnectionField readDeadline() {
        return optional(READ_DEADLINE, null);
    }

    static ConnectionField hidden(String key) {
        return new ConnectionField(key, true, true, null);
    }

    static ConnectionField optionalHidden(String key) {
        return new ConnectionField(key, true, false, null);
    }
}
