package com.stocklens.ui;

import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * The one door onto the FX application thread. Everything that must touch the scene graph from a
 * background thread goes through here, so the rule "only FxExecutor calls Platform.runLater" can be
 * checked mechanically and view models can take a plain {@link Executor} (a same-thread one in tests).
 */
public final class FxExecutor implements Executor {

    @Override
    public void execute(Runnable command) {
        Objects.requireNonNull(command, "command");
        // Inline on the FX thread: keeps ordering simple and avoids a needless extra pulse.
        if (Platform.isFxApplicationThread()) {
            command.run();
        } else {
            Platform.runLater(command);
        }
    }
}
