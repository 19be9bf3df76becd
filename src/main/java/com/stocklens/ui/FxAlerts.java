package com.stocklens.ui;

import javafx.scene.control.Alert;

/**
 * The one way the window makes an {@link Alert}: always with a title and a header from the bundle, so no
 * dialog falls back to JavaFX's own title ("Message", "Error"), which follows the JVM's language rather than
 * the window's. {@code HardCodedTextTest} keeps every other {@code new Alert(} out.
 */
public final class FxAlerts {
    private FxAlerts() {
    }

    /**
     * @param title  the window title (e.g. {@code messages.get("app.title")})
     * @param header the first line, what happened
     * @param text   the details
     */
    public static Alert of(Alert.AlertType type, String title, String header, String text) {
        Alert alert = new Alert(type, text);
        alert.setTitle(title);
        alert.setHeaderText(header);
        return alert;
    }
}
