package com.stocklens.ui.auth;

import com.stocklens.domain.AuthorizedShop;
import com.stocklens.domain.Connection;
import com.stocklens.service.ShopAuthorizer;
import com.stocklens.support.NamedThreads;
import com.stocklens.ui.FxExecutor;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.FxViewLoader;
import com.stocklens.ui.Messages;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.HostServices;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;

/**
 * TikTok Shop authorization (connections screen → Authorize…): open the page, paste the code or the
 * redirect address, connect, choose the shop. Keys: Ctrl+O opens the page, Enter in the paste field
 * connects.
 */
public final class TikTokAuthorizeDialog {
    /** fx:id of the "Use this shop" button. */
    public static final String USE_SHOP_ID = "authUseShop";
    /** fx:id of the Cancel button. */
    public static final String CANCEL_ID = "authCancel";

    private TikTokAuthorizeDialog() {
    }

    /**
     * Shows the dialog and waits. Returns the shop the seller chose (its {@code cipher} becomes the
     * connection's {@code shop_cipher}), or empty when cancelled. The tokens are already stored by the
     * authorizer when a shop is returned. Call on the FX thread.
     */
    public static Optional<AuthorizedShop> show(Window owner, ShopAuthorizer authorizer, Connection connection,
                                                Messages messages, BrowserOpener browser) {
        return create(owner, authorizer, connection, messages, browser).showAndWait();
    }

    /** A browser opener over the application's {@link HostServices}. */
    public static BrowserOpener browser(HostServices hostServices) {
        return page -> hostServices.showDocument(page.toString());
    }

    /** The dialog, not yet shown (tests show it without waiting); its result is the chosen shop or null. */
    public static Dialog<AuthorizedShop> create(Window owner, ShopAuthorizer authorizer, Connection connection,
                                                Messages messages, BrowserOpener browser) {
        ExecutorService background = Executors.newSingleThreadExecutor(NamedThreads.daemon("stocklens-authorize"));
        TikTokAuthorizeViewModel vm = new TikTokAuthorizeViewModel(authorizer, connection, browser, messages,
                background, new FxExecutor());
        TikTokAuthorizeView view = new FxViewLoader(messages.bundle(), type -> new TikTokAuthorizeView(vm))
                .load(TikTokAuthorizeView.class).controller();
        Dialog<AuthorizedShop> dialog = new Dialog<>();
        if (owner != null && owner.getScene() != null) {
            // (Dialog.initOwner reads the owner's scene stylesheets and fails on a window without a scene.)
            dialog.initOwner(owner);
        }
        dialog.setTitle(messages.get("auth.title"));
        dialog.setHeaderText(messages.format("auth.header", connection.displayName()));
        dialog.getDialogPane().setContent(view.root());
        FxTheme.style(dialog.getDialogPane());
        // Own button texts: JavaFX's OK/Cancel follow the JVM's language, not the window's.
        ButtonType use = new ButtonType(messages.get("auth.useShop"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("auth.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(use, cancel);
        Button useButton = (Button) dialog.getDialogPane().lookupButton(use);
        useButton.setId(USE_SHOP_ID);
        useButton.disableProperty().bind(vm.canFinishProperty().not());
        dialog.getDialogPane().lookupButton(cancel).setId(CANCEL_ID);
        KeyCombination openKey = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (openKey.match(e)) {
                vm.openPage();
                e.consume();
            }
        });
        dialog.setResultConverter(button -> button == use ? vm.result() : null);
        dialog.setOnHidden(e -> background.shutdownNow());
        return dialog;
    }
}
