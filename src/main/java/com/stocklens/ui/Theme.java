package com.stocklens.ui;

import atlantafx.base.theme.PrimerLight;
import java.net.URL;
import javafx.application.Application;
import javafx.scene.Parent;

/**
 * The look: AtlantaFX Primer Light as the user-agent stylesheet, plus {@code app.css} with our colour
 * tokens and state pseudo-classes. Colours of TilesFX tiles (themed from Java) live in {@link TilePalette}.
 */
public final class Theme {
    /** Our stylesheet, layered over the AtlantaFX theme. */
    public static final String APP_CSS = "/com/stocklens/ui/app.css";

    private Theme() {
    }

    /** Installs the AtlantaFX theme for the whole application. Call once on the FX thread before showing a window. */
    public static void apply() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    /** The external form of {@code app.css}, for {@code getStylesheets().add(..)}. */
    public static String stylesheet() {
        URL url = Theme.class.getResource(APP_CSS);
        if (url == null) {
            throw new IllegalStateException(APP_CSS + " missing from the class path");
        }
        return url.toExternalForm();
    }

    /** Adds {@code app.css} to {@code root} once. */
    public static void style(Parent root) {
        String css = stylesheet();
        if (!root.getStylesheets().contains(css)) {
            root.getStylesheets().add(css);
        }
    }
}
