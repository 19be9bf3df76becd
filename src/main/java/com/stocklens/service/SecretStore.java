package com.stocklens.service;

import java.util.Optional;

/**
 * Where API keys, tokens and secrets live: the OS keychain, or a passphrase-encrypted file where no
 * keychain answers. Values never reach the database, settings, logs, exports or exception messages.
 * Blocking: call off the FX thread.
 */
public interface SecretStore {
    Optional<String> get(String key) throws SecretStoreException;

    void put(String key, String value) throws SecretStoreException;

    void delete(String key) throws SecretStoreException;

    /** Human words for where the secrets are, e.g. "GNOME Keyring" or "encrypted file secrets.enc". */
    String describe();

    /** A secret could not be read or written; the message never contains a secret. */
    final class SecretStoreException extends Exception {
        private static final long serialVersionUID = 1L;

        public SecretStoreException(String message, Throwable cause) {
            super(message, cause);
        }

        public SecretStoreException(String message) {
            super(message);
        }
    }
}
