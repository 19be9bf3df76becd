package com.stocklens.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.service.SecretStore.SecretStoreException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedFileSecretStoreTest {
    /** Fast key derivation for the tests; the production count is checked separately. */
    private static final int FAST = 1_000;

    @TempDir
    Path dir;

    private EncryptedFileSecretStore store(String passphrase) {
        return new EncryptedFileSecretStore(dir.resolve("secrets.enc"), PassphrasePrompt.fixed(passphrase), FAST);
    }

    @Test
    void roundTripAcrossSessions() throws Exception {
        EncryptedFileSecretStore a = store("correct horse");
        a.put("stocklens/shipbob:main/token", "tok-1");
        a.put("stocklens/winit:uk/token", "令牌-2");
        a.delete("stocklens/winit:uk/token");
        EncryptedFileSecretStore b = store("correct horse");
        assertThat(b.get("stocklens/shipbob:main/token")).contains("tok-1");
        assertThat(b.get("stocklens/winit:uk/token")).isEmpty();
        assertThat(b.describe()).isEqualTo("encrypted file secrets.enc");
    }

    @Test
    void readingWithoutAFileAsksNothing() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        EncryptedFileSecretStore s = new EncryptedFileSecretStore(dir.resolve("secrets.enc"), (c, n) -> {
            asked.incrementAndGet();
            return null;
        }, FAST);
        assertThat(s.get("x")).isEmpty();
        s.delete("x");
        assertThat(asked).hasValue(0);
        assertThatThrownBy(() -> s.put("x", "y")).isInstanceOf(SecretStoreException.class).hasMessageContaining("locked");
    }

    @Test
    void theFileHoldsNoPlaintextAndEveryWriteHasAFreshIv() throws Exception {
        String canary = "CANARY-" + UUID.randomUUID();
        EncryptedFileSecretStore s = store("pass");
        s.put("stocklens/shipbob:main/token", canary);
        byte[] first = Files.readAllBytes(s.file());
        s.put("stocklens/shipbob:main/token", canary);
        byte[] second = Files.readAllBytes(s.file());
        for (byte[] bytes : List.of(first, second)) {
            String raw = new String(bytes, StandardCharsets.ISO_8859_1);
            assertThat(raw).doesNotContain(canary).doesNotContain("shipbob").doesNotContain("pass");
            assertThat(raw).startsWith("SLSECRET");
        }
        assertThat(iv(first)).isNotEqualTo(iv(second));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("secrets.enc");
        }
    }

    @Test
    void aWrongPassphraseIsRefusedInPlainWordsWithoutLeaking() throws Exception {
        store("right").put("k", "CANARY-value");
        assertThatThrownBy(() -> store("wrong").get("k"))
                .isInstanceOf(SecretStoreException.class)
                .hasMessage("wrong passphrase");
    }

    @Test
    void anInteractivePromptGetsThreeTries() throws Exception {
        store("right").put("k", "v");
        AtomicInteger asked = new AtomicInteger();
        EncryptedFileSecretStore s = new EncryptedFileSecretStore(dir.resolve("secrets.enc"), (c, attempt) -> {
            asked.incrementAndGet();
            return (attempt < 2 ? "typo" : "right").toCharArray();
        }, FAST);
        assertThat(s.get("k")).contains("v");
        assertThat(asked).hasValue(3);
    }

    @Test
    void aFlippedByteIsRefused() throws Exception {
        EncryptedFileSecretStore s = store("pass");
        s.put("k", "secret-value");
        byte[] bytes = Files.readAllBytes(s.file());
        bytes[bytes.length - 20] ^= 0x01;
        Files.write(s.file(), bytes);
        assertThatThrownBy(() -> store("pass").get("k"))
                .isInstanceOf(SecretStoreException.class)
                .hasMessageContaining("damaged or was changed")
                .hasMessageNotContaining("secret-value");
        // The header is authenticated too: a changed iteration count is refused.
        bytes = Files.readAllBytes(s.file());
        bytes[bytes.length - 20] ^= 0x01;
        bytes[12] ^= 0x01;
        Files.write(s.file(), bytes);
        assertThatThrownBy(() -> store("pass").get("k")).isInstanceOf(SecretStoreException.class);
        assertThatThrownBy(() -> {
            Files.write(s.file(), new byte[] {1, 2, 3});
            store("pass").get("k");
        }).isInstanceOf(SecretStoreException.class);
    }

    @Test
    void newFilesUseAtLeast210000Iterations() throws Exception {
        EncryptedFileSecretStore s = new EncryptedFileSecretStore(dir.resolve("secrets.enc"), PassphrasePrompt.fixed("p"));
        s.put("k", "v");
        byte[] bytes = Files.readAllBytes(s.file());
        assertThat(ByteBuffer.wrap(bytes, 9, 4).getInt()).isGreaterThanOrEqualTo(210_000);
    }

    /** The IV sits right before the ciphertext: magic, version, iterations, salt, key check, then it. */
    private static byte[] iv(byte[] file) {
        int saltLen = file[13];
        int checkLen = file[14 + saltLen];
        int ivAt = 14 + saltLen + 1 + checkLen + 1;
        return java.util.Arrays.copyOfRange(file, ivAt, ivAt + 12);
    }
}
