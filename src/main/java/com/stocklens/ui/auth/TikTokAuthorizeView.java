package com.stocklens.ui.auth;

import com.stocklens.domain.AuthorizedShop;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Binds the TikTok authorization form to its view model; decides nothing itself. */
public final class TikTokAuthorizeView {
    private final TikTokAuthorizeViewModel viewModel;

    @FXML private VBox root;
    @FXML private Button openPage;
    @FXML private TextField pageUrl;
    @FXML private TextField pasteField;
    @FXML private Button connect;
    @FXML private ProgressIndicator progress;
    @FXML private Label status;
    @FXML private Label error;
    @FXML private ListView<AuthorizedShop> shopList;

    public TikTokAuthorizeView(TikTokAuthorizeViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        openPage.setOnAction(e -> viewModel.openPage());
        openPage.disableProperty().bind(viewModel.busyProperty());
        pageUrl.textProperty().bind(viewModel.pageUrlProperty());
        pageUrl.visibleProperty().bind(viewModel.pageUrlProperty().isNotEmpty());
        pageUrl.managedProperty().bind(pageUrl.visibleProperty());
        pasteField.textProperty().bindBidirectional(viewModel.pastedProperty());
        pasteField.setOnAction(e -> viewModel.connect());
        connect.setOnAction(e -> viewModel.connect());
        connect.disableProperty().bind(viewModel.canConnectProperty().not());
        progress.visibleProperty().bind(viewModel.busyProperty());
        status.textProperty().bind(viewModel.statusProperty());
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        shopList.setItems(viewModel.shops());
        shopList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(AuthorizedShop shop, boolean empty) {
                super.updateItem(shop, empty);
                setText(empty || shop == null ? null : viewModel.shopLabel(shop));
            }
        });
        shopList.disableProperty().bind(viewModel.busyProperty());
        shopList.getSelectionModel().selectedItemProperty().addListener(
                (obs, old, shop) -> viewModel.selectedShopProperty().set(shop));
        viewModel.selectedShopProperty().addListener((obs, old, shop) -> {
            if (shop != shopList.getSelectionModel().getSelectedItem()) {
                shopList.getSelectionModel().select(shop);
            }
        });
    }

    public Parent root() {
        return root;
    }
}
