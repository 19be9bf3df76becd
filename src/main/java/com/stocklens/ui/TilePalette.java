package com.stocklens.ui;

import javafx.scene.paint.Color;

/**
 * The colours for TilesFX tiles, which are themed from Java rather than CSS. Kept in one place and
 * matched by hand to the tokens in {@code app.css} (Primer Light) so the tiles sit in the theme.
 */
public final class TilePalette {
    public static final Color BACKGROUND = Color.web("#ffffff");
    public static final Color BORDER = Color.web("#d0d7de");
    public static final Color TITLE = Color.web("#57606a");
    public static final Color VALUE = Color.web("#24292f");
    public static final Color NOTE = Color.web("#57606a");
    /** A total that only some warehouses report: amber, so a partial sum never passes for a full one. */
    public static final Color PARTIAL = Color.web("#9a6700");
    /** The TikTok tile's accent, to tell the channel's figure from the warehouses'. */
    public static final Color CHANNEL = Color.web("#0969da");

    private TilePalette() {
    }
}
