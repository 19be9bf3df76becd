package com.stocklens.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.text.Font;

/**
 * The look: AtlantaFX Primer Light as the user-agent stylesheet, plus {@code app.css} with our colour
 * tokens and state pseudo-classes. Colours of TilesFX tiles (themed from Java) live in {@link FxTilePalette}.
 */
public final class FxTheme {
    /** Our stylesheet, layered over the AtlantaFX theme. */
    public static final String APP_CSS = "/com/stocklens/ui/app.css";

    private FxTheme() {
    }

    /**
     * Installs the AtlantaFX theme for the whole application. Call once on the FX thread before showing a window.
     * The theme's binary form (.bss, compiled from the same rules) is read, not its 165 KB of CSS text parsed: 100,000
     * kept rows were on screen 0.93 times as soon (issue 20, BENCHMARKS.md).
     */
    public static void apply() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
    }

    /**
     * Installs AtlantaFX Primer Dark (its binary form, as {@link #apply()}) for the whole application: wall mode.
     * FX thread.
     */
    public static void applyDark() {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheetBSS());
    }

    /** The external form of {@code app.css}, for {@code getStylesheets().add(..)}. */
    public static String stylesheet() {
        URL url = FxTheme.class.getResource(APP_CSS);
        if (url == null) {
            throw new IllegalStateException(APP_CSS + " missing from the class path");
        }
        return url.toExternalForm();
    }

    /**
     * CJK-capable families in order of preference, each with the style class in app.css that selects it.
     * JavaFX CSS has no font fallback list, so the choice is made here; without any of them the
     * platform "System" font is used, which on Linux falls back to whatever CJK font fontconfig has.
     */
    private static final Map<String, String> CJK_FONTS = new LinkedHashMap<>();

    static {
        CJK_FONTS.put("Noto Sans CJK SC", "font-noto-cjk");
        CJK_FONTS.put("WenQuanYi Zen Hei", "font-wqy-zenhei");
        CJK_FONTS.put("Microsoft YaHei", "font-yahei");
        CJK_FONTS.put("PingFang SC", "font-pingfang");
    }

    private static volatile Optional<String> fontClass;

    /** Adds {@code app.css} and the preferred CJK font's style class to {@code root}, once. FX thread. */
    public static void style(Parent root) {
        String css = stylesheet();
        if (!root.getStylesheets().contains(css)) {
            root.getStylesheets().add(css);
        }
        cjkFontClass().ifPresent(c -> {
            if (!root.getStyleClass().contains(c)) {
                root.getStyleClass().add(c);
            }
        });
    }

    /** The style class of the first installed CJK family, if any (looked up once: listing fonts is slow). */
    public static Optional<String> cjkFontClass() {
        Optional<String> c = fontClass;
        if (c == null) {
            List<String> installed = Font.getFamilies();
            c = CJK_FONTS.entrySet().stream()
                    .filter(e -> installed.contains(e.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst();
            fontClass = c;
        }
        return c;
    }
}
