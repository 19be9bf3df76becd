package com.stocklens.secrets;

import com.stocklens.service.SecretStore;
import com.stocklens.support.FileReasons;
import com.stocklens.support.Redactor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets in one file encrypted with a passphrase, for machines where no keychain answers.
 *
 * <p>Layout (version 1): {@code "SLSECRET"}, version byte, PBKDF2 iteration count (int), salt length +
 * salt, key-check length + key check, IV length + IV, then AES-256-GCM ciphertext with its 128-bit tag.
 * Everything before the ciphertext is the GCM associated data, so a changed header is refused like a
 * changed ciphertext. The key comes from PBKDF2WithHmacSHA256 over the passphrase with a random salt;
 * every write uses a fresh random 12-byte IV. The key check (an HMAC of a constant under the derived key)
 * tells a wrong passphrase apart from a damaged file. Writes go to a temporary file that is then renamed
 * over the old one, so a crash leaves either the old or the new file, never half of one.
 *
 * <p>The passphrase is asked (through {@link PassphrasePrompt}) the first time a secret is read or
 * written, then the derived key is kept for the session; reading a secret when the file does not exist
 * asks nothing.
 */
public final class EncryptedFileSecretStore implements SecretStore {
    public static final String FILE_NAME = "secrets.enc";
    static final byte[] MAGIC = "SLSECRET".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 210_000;
    private static final int SALT_BYTES = 16;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MAX_ATTEMPTS = 3;
    private static final byte[] KEY_CHECK_LABEL = "stocklens-key-check".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final PassphrasePrompt prompt;
    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    /** Unlocked state: the key, the salt it was derived with, and the decrypted secrets. */
    private SecretKey key;
    private byte[] salt;
    private Map<String, String> secrets;

    public EncryptedFileSecretStore(Path file, PassphrasePrompt prompt) {
        this(file, prompt, ITERATIONS);
    }

    EncryptedFileSecretStore(Path file, PassphrasePrompt prompt, int iterations) {
        this.file = Objects.requireNonNull(file, "file");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        this.iterations = iterations;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized Optional<String> get(String key) throws SecretStoreException {
        if (secrets == null && !Files.exists(file)) {
            return Optional.empty();
        }
        unlock();
        String value = secrets.get(key);
        Redactor.remember(value);
        return Optional.ofNullable(value);
    }

    @Override
    public synchronized void put(String key, String value) throws SecretStoreException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Redactor.remember(value);
        unlock();
        Map<String, String> next = new TreeMap<>(secrets);
        next.put(key, value);
        write(next);
        secrets = next;
    }

    @Override
    public synchronized void delete(String key) throws SecretStoreException {
        if (secrets == null && !Files.exists(file)) {
            return;
        }
        unlock();
        if (!secrets.containsKey(key)) {
            return;
        }
        Map<String, String> next = new TreeMap<>(secrets);
        next.remove(key);
        write(next);
        secrets = next;
    }

    @Override
    public String describe() {
        return "encrypted file " + file.getFileName();
    }

    /** True once the passphrase was given this session (or no file exists yet and none was needed). */
    public synchronized boolean unlocked() {
        return secrets != null;
    }

    // --- unlocking -------------------------------------------------------------------------

    private void unlock() throws SecretStoreException {
        if (secrets != null) {
            return;
        }
        if (!Files.exists(file)) {
            char[] pass = prompt.ask(true, 0);
            if (pass == null) {
                throw new SecretStoreException("The secrets file is locked: no passphrase was given");
            }
            try {
                salt = new byte[SALT_BYTES];
                random.nextBytes(salt);
                key = derive(pass, salt, iterations);
            } finally {
                Arrays.fill(pass, '\0');
            }
            secrets = new TreeMap<>();
            return;
        }
        Header header;
        byte[] all;
        try {
            all = Files.readAllBytes(file);
            header = Header.parse(all);
        } catch (IOException e) {
            throw new SecretStoreException("Cannot read " + file.getFileName() + ": " + FileReasons.of(e));
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            char[] pass = prompt.ask(false, attempt);
            if (pass == null) {
                throw new SecretStoreException(attempt == 0
                        ? "The secrets file is locked: no passphrase was given" : "wrong passphrase");
            }
            SecretKey candidate;
            try {
                candidate = derive(pass, header.salt, header.iterations);
            } finally {
                Arrays.fill(pass, '\0');
            }
            if (!MessageDigest.isEqual(keyCheck(candidate), header.keyCheck)) {
                continue;
            }
            secrets = decrypt(candidate, header, all);
            key = candidate;
            salt = header.salt;
            return;
        }
        throw new SecretStoreException("wrong passphrase");
    }

    private Map<String, String> decrypt(SecretKey k, Header header, byte[] all) throws SecretStoreException {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, k, new GCMParameterSpec(TAG_BITS, header.iv));
            cipher.updateAAD(all, 0, header.length);
            byte[] plain = cipher.doFinal(all, header.length, all.length - header.length);
            try {
                return decode(plain);
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        } catch (AEADBadTagException e) {
            throw new SecretStoreException(file.getFileName() + " is damaged or was changed outside StockLens");
        } catch (GeneralSecurityException | IOException e) {
            throw new SecretStoreException("Cannot decrypt " + file.getFileName() + ": " + (e instanceof IOException io
                    ? FileReasons.of(io) : "this Java lacks AES-GCM"));
        }
    }

    // --- writing ---------------------------------------------------------------------------

    private void write(Map<String, String> values) throws SecretStoreException {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] header = Header.write(iterations(), salt, keyCheck(key), iv);
        byte[] plain = encode(values);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(header);
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[header.length + sealed.length];
            System.arraycopy(header, 0, out, 0, header.length);
            System.arraycopy(sealed, 0, out, header.length, sealed.length);
            atomicWrite(out);
        } catch (GeneralSecurityException e) {
            throw new SecretStoreException("Cannot encrypt the secrets: this Java lacks AES-GCM");
        } catch (IOException e) {
            throw new SecretStoreException("Cannot write " + file.getFileName() + ": " + FileReasons.of(e));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** The iteration count of the file as it is (kept when rewriting), else this store's count. */
    private int iterations() {
        try {
            if (Files.exists(file)) {
                return Header.parse(Files.readAllBytes(file)).iterations;
            }
        } catch (IOException | SecretStoreException e) {
            // fall through: a new file gets this store's count
        }
        return iterations;
    }

    private void atomicWrite(byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, FILE_NAME, ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    // --- crypto helpers --------------------------------------------------------------------

    static SecretKey derive(char[] passphrase, byte[] salt, int iterations) throws SecretStoreException {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        try {
            byte[] raw = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            try {
                return new SecretKeySpec(raw, "AES");
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new SecretStoreException("Cannot derive the key: this Java lacks PBKDF2WithHmacSHA256");
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] keyCheck(SecretKey k) throws SecretStoreException {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(k.getEncoded(), "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(KEY_CHECK_LABEL), 16);
        } catch (GeneralSecurityException e) {
            throw new SecretStoreException("Cannot check the key: this Java lacks HmacSHA256");
        }
    }

    private static byte[] encode(Map<String, String> values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(values.size());
            for (Map.Entry<String, String> e : values.entrySet()) {
                writeString(out, e.getKey());
                writeString(out, e.getValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("in-memory write failed", e);
        }
        return bytes.toByteArray();
    }

    private static Map<String, String> decode(byte[] plain) throws IOException {
        Map<String, String> values = new TreeMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                values.put(readString(in), readString(in));
            }
        }
        return values;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 20) {
            throw new IOException("bad length");
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    /** The plain header of the file; also the GCM associated data. */
    private record Header(int iterations, byte[] salt, byte[] keyCheck, byte[] iv, int length) {
        static byte[] write(int iterations, byte[] salt, byte[] keyCheck, byte[] iv) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.write(MAGIC);
                out.writeByte(VERSION);
                out.writeInt(iterations);
                out.writeByte(salt.length);
                out.write(salt);
                out.writeByte(keyCheck.length);
                out.write(keyCheck);
                out.writeByte(iv.length);
                out.write(iv);
            } catch (IOException e) {
                throw new IllegalStateException("in-memory write failed", e);
            }
            return bytes.toByteArray();
        }

        static Header parse(byte[] all) throws SecretStoreException {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all))) {
                byte[] magic = in.readNBytes(MAGIC.length);
                if (!Arrays.equals(magic, MAGIC)) {
                    throw new SecretStoreException("Not a StockLens secrets file");
                }
                int version = in.readUnsignedByte();
                if (version != VERSION) {
                    throw new SecretStoreException("Secrets file version " + version + " is not supported");
                }
                int iterations = in.readInt();
                if (iterations < 1 || iterations > 100_000_000) {
                    throw new SecretStoreException("Secrets file header is damaged");
                }
                byte[] salt = in.readNBytes(in.readUnsignedByte());
                byte[] check = in.readNBytes(in.readUnsignedByte());
                byte[] iv = in.readNBytes(in.readUnsignedByte());
                if (salt.length < 8 || check.length != 16 || iv.length != IV_BYTES) {
                    throw new SecretStoreException("Secrets file header is damaged");
                }
                int length = MAGIC.length + 1 + 4 + 3 + salt.length + check.length + iv.length;
                if (all.length < length + TAG_BITS / 8) {
                    throw new SecretStoreException("Secrets file is truncated");
                }
                return new Header(iterations, salt, check, iv, length);
            } catch (IOException e) {
                throw new SecretStoreException("Secrets file is truncated");
            }
        }
    }
}
