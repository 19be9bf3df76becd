package com.stocklens.ui.auth;

import java.net.URI;

/**
 * Opens a page in the seller's browser. The window supplies one backed by JavaFX {@code HostServices}
 * ({@link TikTokAuthorizeDialog#browser}); tests supply a fake. Called on the FX thread.
 */
@FunctionalInterface
public interface BrowserOpener {
    void open(URI page);
}
