package com.stocklens.ui;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.PauseTransition;
import javafx.scene.Scene;

/** Work that waits for the scene to have been laid out once more, e.g. until what was just changed is on screen. */
public final class FxPulses {
    private FxPulses() {
    }

    /** Runs {@code action} once, on the FX thread, after the next pulse has laid {@code scene} out. */
    public static void afterNextLayout(Scene scene, Runnable action) {
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(action, "action");
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                action.run();
            }
        });
    }

    /**
     * Runs {@code action} once, on the FX thread, after the next pulse has laid {@code scene} out; a pulse comes
     * whenever a shown scene has changed. Should none come within {@code fallback} (a scene not shown, or nothing
     * changed), it runs then all the same, and whichever comes first cancels the other. A null scene runs it now.
     * Call on the FX thread.
     */
    public static void afterNextLayout(Scene scene, Duration fallback, Runnable action) {
        Objects.requireNonNull(fallback, "fallback");
        Objects.requireNonNull(action, "action");
        if (scene == null) {
            action.run();
            return;
        }
        AtomicBoolean ran = new AtomicBoolean();
        PauseTransition wait = new PauseTransition(javafx.util.Duration.millis(fallback.toMillis()));
        Runnable afterLayout = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                wait.stop();
                if (ran.compareAndSet(false, true)) {
                    action.run();
                }
            }
        };
        wait.setOnFinished(e -> {
            scene.removePostLayoutPulseListener(afterLayout);
            if (ran.compareAndSet(false, true)) {
                action.run();
            }
        });
        scene.addPostLayoutPulseListener(afterLayout);
        wait.play();
    }
}
