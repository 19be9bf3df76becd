package com.stocklens.ui.auth;

import com.stocklens.domain.AuthorizedShop;
import com.stocklens.domain.Connection;
import com.stocklens.service.ShopAuthorizer;
import com.stocklens.ui.BackgroundAction;
import com.stocklens.ui.Messages;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The TikTok authorization dialog: open the authorization page, paste back the code or the redirect
 * address, connect (off the FX thread), choose one of the authorized shops. Holds no token: the
 * authorizer stores them.
 */
public final class TikTokAuthorizeViewModel {
    private final ShopAuthorizer authorizer;
    private final Connection connection;
    private final BrowserOpener browser;
    private final Messages messages;
    private final BackgroundAction calls;

    private final ReadOnlyStringWrapper pageUrl = new ReadOnlyStringWrapper("");
    private final StringProperty pasted = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObservableList<AuthorizedShop> shops = FXCollections.observableArrayList();
    private final ObjectProperty<AuthorizedShop> selectedShop = new SimpleObjectProperty<>();
    private final BooleanBinding canConnect;
    private final BooleanBinding canFinish;

    /**
     * @param background where the authorizer's blocking calls run
     * @param ui         where their results are applied (the FX thread in the app; same thread in tests)
     */
    public TikTokAuthorizeViewModel(ShopAuthorizer authorizer, Connection connection, BrowserOpener browser,
                                    Messages messages, Executor background, Executor ui) {
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.browser = Objects.requireNonNull(browser, "browser");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.calls = new BackgroundAction("TikTok authorization", background, ui);
        canConnect = Bindings.createBooleanBinding(
                () -> !busy.get() && pasted.get() != null && !pasted.get().isBlank(), busy, pasted);
        canFinish = Bindings.createBooleanBinding(() -> !busy.get() && selectedShop.get() != null, busy, selectedShop);
    }

    public Connection connection() {
        return connection;
    }

    /** The authorization page last opened, shown so it can be copied when no browser opens. */
    public ReadOnlyStringProperty pageUrlProperty() {
        return pageUrl.getReadOnlyProperty();
    }

    /** What the seller pasted: the code, or the whole redirect address. */
    public StringProperty pastedProperty() {
        return pasted;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObservableList<AuthorizedShop> shops() {
        return shops;
    }

    public ObjectProperty<AuthorizedShop> selectedShopProperty() {
        return selectedShop;
    }

    public BooleanBinding canConnectProperty() {
        return canConnect;
    }

    public BooleanBinding canFinishProperty() {
        return canFinish;
    }

    /** The shop the seller chose, or null. */
    public AuthorizedShop result() {
        return canFinish.get() ? selectedShop.get() : null;
    }

    /** How a shop reads in the list. */
    public String shopLabel(AuthorizedShop shop) {
        return messages.format("auth.shop", shop.name() == null ? "—" : shop.name(),
                shop.region() == null ? "—" : shop.region(), shop.id() == null ? "—" : shop.id());
    }

    /** Builds a fresh authorization link (new state) and opens it in the browser. */
    public void openPage() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        status.set(messages.get("auth.status.opening"));
        boolean started = calls.run(() -> authorizer.authorizationPage(connection), page -> {
            busy.set(false);
            pageUrl.set(page.toString());
            status.set(messages.get("auth.status.opened"));
            try {
                browser.open(page);
            } catch (RuntimeException e) {
                status.set(messages.get("auth.status.copyPage"));
            }
        }, reason -> failed("auth.error.page", reason));
        if (!started) {
            busy.set(false);
        }
    }

    /** Exchanges what was pasted and lists the shops it reaches. */
    public void connect() {
        if (!canConnect.get()) {
            return;
        }
        String input = pasted.get();
        busy.set(true);
        error.set("");
        shops.clear();
        selectedShop.set(null);
        status.set(messages.get("auth.status.connecting"));
        boolean started = calls.run(() -> authorizer.completeAuthorization(connection, input), found -> {
            busy.set(false);
            // The code is spent: clear it so a second Connect does not resend it.
            pasted.set("");
            shops.setAll(found);
            String current = connection.setting("shop_cipher");
            selectedShop.set(found.stream().filter(s -> s.cipher().equals(current)).findFirst()
                    .orElse(found.size() == 1 ? found.get(0) : null));
            status.set(messages.format("auth.status.shops", found.size()));
        }, reason -> failed("auth.error.failed", reason));
        if (!started) {
            busy.set(false);
        }
    }

    private void failed(String key, String reason) {
        busy.set(false);
        status.set("");
        error.set(messages.format(key, reason));
    }
}
