package com.stocklens.secrets;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import com.stocklens.service.SecretStore;
import com.stocklens.support.NamedThreads;
import com.stocklens.support.Redactor;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets in the OS keychain (macOS Keychain, Windows Credential Manager, the freedesktop Secret Service
 * or KWallet) through java-keyring. Every secret is one entry of the service {@value #SERVICE} whose
 * account is the secret's key. Built only through {@link #probe}, which proves the keychain answers.
 */
public final class KeychainSecretStore implements SecretStore {
    public static final String SERVICE = "StockLens";
    private static final Logger LOG = LoggerFactory.getLogger(KeychainSecretStore.class);
    private static final String PROBE_ACCOUNT = "stocklens/probe";

    private final Keyring keyring;

    private KeychainSecretStore(Keyring keyring) {
        this.keyring = Objects.requireNonNull(keyring, "keyring");
    }

    /**
     * A keychain store when the OS keychain answers a harmless read within {@code timeout}, else empty.
     * The probe runs on its own daemon thread: a Secret Service without a session bus can block forever.
     */
    public static Optional<KeychainSecretStore> probe(Duration timeout) {
        CompletableFuture<Keyring> answer = new CompletableFuture<>();
        Thread t = NamedThreads.daemonThread(() -> {
            try {
                Keyring k = Keyring.create();
                try {
                    k.getPassword(SERVICE, PROBE_ACCOUNT);
                } catch (PasswordAccessException notFound) {
                    // A clean "no such entry" is an answer too.
                }
                answer.complete(k);
            } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
                answer.completeExceptionally(e);
            }
        }, "stocklens-keychain-probe");
        t.start();
        try {
            return Optional.of(new KeychainSecretStore(answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS)));
        } catch (TimeoutException e) {
            LOG.info("No OS keychain answered within {} ms", timeout.toMillis());
        } catch (ExecutionException e) {
            LOG.info("No OS keychain: {}", e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    @Override
    public synchronized Optional<String> get(String key) throws SecretStoreException {
        try {
            String value = keyring.getPassword(SERVICE, key);
            Redactor.remember(value);
            return Optional.ofNullable(value);
        } catch (PasswordAccessException e) {
            // java-keyring reports "not found" and "access denied" alike; a missing secret is the common case.
            LOG.debug("keychain has no entry for {}", key);
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.warn("keychain read failed", e);
            throw new SecretStoreException("The OS keychain could not be read (the log file has the details)");
        }
    }

    @Override
    public synchronized void put(String key, String value) throws SecretStoreException {
        Redactor.remember(value);
        try {
            keyring.setPassword(SERVICE, key, value);
        } catch (PasswordAccessException | RuntimeException e) {
            LOG.warn("keychain write of {} failed", key, e);
            throw new SecretStoreException("The OS keychain refused to store " + key
                    + " (the log file has the details)");
        }
    }

    @Override
    public synchronized void delete(String key) throws SecretStoreException {
        try {
            keyring.deletePassword(SERVICE, key);
        } catch (PasswordAccessException e) {
            LOG.debug("keychain had no entry {} to delete", key);
        } catch (RuntimeException e) {
            LOG.warn("keychain delete of {} failed", key, e);
            throw new SecretStoreException("The OS keychain refused to delete " + key
                    + " (the log file has the details)");
        }
    }

    @Override
    public String describe() {
        return "OS keychain (" + keyring.getKeyringStorageType() + ")";
    }
}
