package com.stocklens.secrets;

import com.stocklens.service.SecretStore;
import com.stocklens.support.Redactor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks where secrets live: the OS keychain when one answers, else the encrypted file in the workspace. */
public final class SecretStores {
    /** Environment variable: the passphrase of {@code secrets.enc} for the command line and headless runs. */
    public static final String PASSPHRASE_ENV = "STOCKLENS_PASSPHRASE";
    /** Environment variable: {@code file} skips the keychain probe, {@code keychain} insists on it. */
    public static final String STORE_ENV = "STOCKLENS_SECRET_STORE";
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final Logger LOG = LoggerFactory.getLogger(SecretStores.class);

    private SecretStores() {
    }

    /**
     * The store for {@code workspace}: the keychain unless {@code STOCKLENS_SECRET_STORE=file} or no keychain
     * answers, else {@code workspace/secrets.enc} unlocked by {@code STOCKLENS_PASSPHRASE}, then {@code prompt}.
     */
    public static SecretStore choose(Path workspace, Map<String, String> env, PassphrasePrompt prompt) {
        Redactor.remember(env.get(PASSPHRASE_ENV));
        String mode = env.getOrDefault(STORE_ENV, "").trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("file")) {
            var keychain = KeychainSecretStore.probe(PROBE_TIMEOUT);
            if (keychain.isPresent()) {
                LOG.info("Secrets live in the {}", keychain.get().describe());
                return keychain.get();
            }
        }
        EncryptedFileSecretStore file = new EncryptedFileSecretStore(
                workspace.resolve(EncryptedFileSecretStore.FILE_NAME),
                PassphrasePrompt.fixed(env.get(PASSPHRASE_ENV)).orElse(prompt));
        LOG.info("Secrets live in the {}", file.describe());
        return file;
    }
}
