package com.stocklens;

import com.stocklens.secrets.PassphrasePrompt;
import com.stocklens.ui.FxExecutor;
import com.stocklens.ui.Messages;
import com.stocklens.ui.connections.UnlockDialog;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;

/**
 * The window's passphrase prompt: the unlock dialog on the FX thread, waited for from the caller's thread.
 * After "Not now" it asks no more this session (secrets then stay locked until the next start).
 */
final class UnlockPrompt implements PassphrasePrompt {
    private final Locale locale;
    private volatile boolean declined;

    UnlockPrompt(Locale locale) {
        this.locale = locale;
    }

    @Override
    public char[] ask(boolean creating, int attempt) {
        if (declined) {
            return null;
        }
        Optional<char[]> answer;
        if (Platform.isFxApplicationThread()) {
            answer = UnlockDialog.ask(new Messages(locale), creating, attempt > 0);
        } else {
            CompletableFuture<Optional<char[]>> f = new CompletableFuture<>();
            new FxExecutor().execute(() -> {
                try {
                    f.complete(UnlockDialog.ask(new Messages(locale), creating, attempt > 0));
                } catch (RuntimeException e) {
                    f.completeExceptionally(e);
                }
            });
            try {
                answer = f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException e) {
                return null;
            }
        }
        if (answer.isEmpty()) {
            declined = true;
            return null;
        }
        return answer.get();
    }
}
