package com.stocklens.app.connections;

import com.stocklens.service.SecretStore;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Chooses the secret store on first use: demo mode and a live workspace without secrets never probe the
 * keychain or ask for a passphrase.
 */
public final class LazySecretStore implements SecretStore {
    private final Supplier<SecretStore> choose;
    private SecretStore store;

    public LazySecretStore(Supplier<SecretStore> choose) {
        this.choose = choose;
    }

    private synchronized SecretStore store() {
        if (store == null) {
            store = choose.get();
        }
        return store;
    }

    @Override
    public Optional<String> get(String key) throws SecretStoreException {
        return store().get(key);
    }

    @Override
    public void put(String key, String value) throws SecretStoreException {
        store().put(key, value);
    }

    @Override
    public void delete(String key) throws SecretStoreException {
        store().delete(key);
    }

    @Override
    public String describe() {
        return store().describe();
    }
}
