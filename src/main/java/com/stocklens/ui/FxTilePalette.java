package com.stocklens.ui;

import javafx.scene.paint.Color;

/**
 * The colours for TilesFX tiles, which are themed from Java rather than CSS. Kept in one place and
 * matched by hand to the tokens in {@code app.css} (Primer Light) so the tiles sit in the theme. The card behind
 * each tile, and its state colours, come from CSS ({@code .tile-card}).
 */
public final class FxTilePalette {
    public static final Color VALUE = Color.web("#24292f");
    public static final Color NOTE = Color.web("#57606a");
    /** The TikTok tile's accent, to tell the channel's figure from the warehouses'. */
    public static final Color CHANNEL = Color.web("#0969da");

    private FxTilePalette() {
    }
}
