package com.stocklens.secrets;

/**
 * Where the passphrase of the encrypted secrets file comes from: the environment for the command line,
 * an unlock dialog in the window. Asked lazily, only when a secret is actually read or written.
 */
@FunctionalInterface
public interface PassphrasePrompt {
    /**
     * The passphrase, or null when the person cancels (or, for a non-interactive source, when there is
     * nothing more to try).
     *
     * @param creating true when the file does not exist yet: the passphrase chosen now protects it
     * @param attempt  0 for the first ask, 1.. after a wrong passphrase
     */
    char[] ask(boolean creating, int attempt);

    /** A prompt that never answers: every secret read or write fails with "locked". */
    PassphrasePrompt NONE = (creating, attempt) -> null;

    /** The passphrase in {@code value} (e.g. {@code STOCKLENS_PASSPHRASE}), offered once; NONE when blank. */
    static PassphrasePrompt fixed(String value) {
        if (value == null || value.isEmpty()) {
            return NONE;
        }
        return (creating, attempt) -> attempt == 0 ? value.toCharArray() : null;
    }

    /** This prompt, else {@code fallback} when this one gives nothing on the first ask. */
    default PassphrasePrompt orElse(PassphrasePrompt fallback) {
        PassphrasePrompt first = this;
        return (creating, attempt) -> {
            char[] p = attempt == 0 ? first.ask(creating, 0) : null;
            return p != null ? p : fallback.ask(creating, attempt);
        };
    }
}
