package com.stocklens.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.service.SecretStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretStoresTest {
    @TempDir
    Path dir;

    @Test
    void fileModeUsesTheEncryptedFileWithTheEnvironmentPassphrase() throws Exception {
        SecretStore s = SecretStores.choose(dir, Map.of(SecretStores.STORE_ENV, "file",
                SecretStores.PASSPHRASE_ENV, "from-env"), PassphrasePrompt.NONE);
        assertThat(s).isInstanceOf(EncryptedFileSecretStore.class);
        s.put("k", "v");
        assertThat(new EncryptedFileSecretStore(dir.resolve("secrets.enc"), PassphrasePrompt.fixed("from-env"))
                .get("k")).contains("v");
    }

    @Test
    void theKeychainProbeNeverHangs() {
        long t0 = System.nanoTime();
        KeychainSecretStore.probe(Duration.ofSeconds(2));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }
}
