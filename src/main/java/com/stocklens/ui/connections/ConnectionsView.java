package com.stocklens.ui.connections;

import com.stocklens.domain.BeijingTime;
import com.stocklens.domain.ConnectionKind;
import com.stocklens.domain.SyncStatus;
import com.stocklens.ui.FxReadOnly;
import com.stocklens.ui.FxViewLoader;
import com.stocklens.ui.Messages;
import com.stocklens.ui.ScreenServices;
import com.stocklens.ui.ScreenView;
import com.stocklens.ui.UiContext;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

/** Controller of {@code ConnectionsView.fxml}: binds the {@link ConnectionsViewModel}, nothing else. */
public final class ConnectionsView implements ScreenView {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BeijingTime.ZONE);

    private final ConnectionsViewModel viewModel;
    private final Messages messages;
    private final ConnectionTexts texts;

    @FXML private BorderPane connectionsRoot;
    @FXML private MenuButton addMenu;
    @FXML private Button editButton;
    @FXML private Button testButton;
    @FXML private Button authorizeButton;
    @FXML private Button removeButton;
    @FXML private Label demoNote;
    @FXML private Label restartNote;
    @FXML private Label errorLabel;
    @FXML private TableView<ConnectionRowViewModel> connectionTable;
    @FXML private TableColumn<ConnectionRowViewModel, String> nameColumn;
    @FXML private TableColumn<ConnectionRowViewModel, String> kindColumn;
    @FXML private TableColumn<ConnectionRowViewModel, ConnectionRowViewModel> enabledColumn;
    @FXML private TableColumn<ConnectionRowViewModel, String> cadenceColumn;
    @FXML private TableColumn<ConnectionRowViewModel, ConnectionRowViewModel> lastSyncColumn;
    @FXML private TableColumn<ConnectionRowViewModel, String> secretsColumn;
    @FXML private ProgressIndicator testProgress;
    @FXML private Label testResult;
    /** A snapshot file is shown: nothing here can change. */
    private boolean readOnly;

    /** The connections screen ({@code Screen.CONNECTIONS}). */
    public static ScreenView screen(ScreenServices s) {
        UiContext.Setup setup = s.context().setup();
        ConnectionsViewModel vm = new ConnectionsViewModel(setup.connections(), s.dialogs(),
                s.context().stock().syncEvents(), setup.authorizeShop(), s.background(), s.ui());
        ConnectionsView view = FxViewLoader.load(new ConnectionsView(vm, s.messages()), s.messages().bundle());
        if (s.window().readOnlyProperty().get()) {
            view.showSnapshot(s.window().readOnlyReason());
        }
        vm.start();
        return view;
    }

    /**
     * A snapshot file: it holds no connection (connections and their secrets stay in the workspace it was
     * exported from), so the list says that instead of "no connection yet", and nothing can be added,
     * changed, tested or authorized.
     */
    public void showSnapshot(String why) {
        readOnly = true;
        connectionTable.setPlaceholder(label("connectionsSnapshotNote", messages.get("connections.snapshot")));
        FxReadOnly.lock(why, addMenu, editButton, testButton, authorizeButton, removeButton);
        connectionTable.refresh();
    }

    private static Label label(String id, String text) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        return l;
    }

    public ConnectionsView(ConnectionsViewModel viewModel, Messages messages) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.texts = new ConnectionTexts(messages);
    }

    @FXML
    private void initialize() {
        boolean demo = viewModel.demo();
        for (ConnectionKind kind : ConnectionKind.values()) {
            MenuItem item = new MenuItem(texts.kind(kind));
            item.setId("add" + kind.name());
            item.setOnAction(e -> viewModel.add(kind));
            addMenu.getItems().add(item);
        }
        demoNote.setVisible(demo);
        demoNote.setManaged(demo);
        addMenu.setDisable(demo);
        var noSelection = viewModel.selectedProperty().isNull();
        editButton.setDisable(demo);
        if (!demo) {
            editButton.disableProperty().bind(noSelection);
            removeButton.disableProperty().bind(noSelection);
        } else {
            removeButton.setDisable(true);
        }
        testButton.disableProperty().bind(noSelection.or(viewModel.testingProperty()));
        authorizeButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !viewModel.canAuthorize()
                || viewModel.selectedProperty().get() == null || !viewModel.selectedProperty().get().authorizable(),
                viewModel.selectedProperty()));
        restartNote.visibleProperty().bind(viewModel.restartNeededProperty());
        restartNote.managedProperty().bind(restartNote.visibleProperty());
        errorLabel.textProperty().bind(Bindings.createStringBinding(() ->
                        viewModel.actionErrorProperty().get() != null ? viewModel.actionErrorProperty().get()
                                : viewModel.loadErrorProperty().get() != null
                                ? messages.format("connections.loadError", viewModel.loadErrorProperty().get()) : "",
                viewModel.actionErrorProperty(), viewModel.loadErrorProperty()));
        errorLabel.visibleProperty().bind(errorLabel.textProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());

        connectionTable.setItems(viewModel.rows());
        connectionTable.getSelectionModel().selectedItemProperty().subscribe(r -> viewModel.selectedProperty().set(r));
        viewModel.selectedProperty().subscribe(r -> {
            if (connectionTable.getSelectionModel().getSelectedItem() != r) {
                connectionTable.getSelectionModel().select(r);
            }
        });
        connectionTable.setRowFactory(t -> {
            TableRow<ConnectionRowViewModel> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.editSelected();
                }
            });
            return row;
        });
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        kindColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(texts.kind(c.getValue().kind())));
        cadenceColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(texts.cadence(c.getValue().cadence(), viewModel.defaultCadence())));
        secretsColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(secrets(c.getValue())));
        enabledColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        enabledColumn.setCellFactory(c -> new TableCell<>() {
            private final CheckBox box = new CheckBox();

            {
                box.setDisable(demo || readOnly);
                box.setOnAction(e -> {
                    ConnectionRowViewModel r = getItem();
                    if (r != null) {
                        viewModel.setEnabled(r, box.isSelected());
                    }
                });
            }

            @Override
            protected void updateItem(ConnectionRowViewModel r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setGraphic(null);
                } else {
                    box.setSelected(r.enabled());
                    box.setId("enabled-" + r.id());
                    setGraphic(box);
                }
            }
        });
        lastSyncColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        lastSyncColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ConnectionRowViewModel r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : lastSync(r));
                pseudoClassStateChanged(FAILED, !empty && r != null && r.problem() != null);
            }
        });

        testProgress.visibleProperty().bind(viewModel.testingProperty());
        testProgress.managedProperty().bind(testProgress.visibleProperty());
        testResult.textProperty().bind(Bindings.createStringBinding(() -> {
            if (viewModel.testingProperty().get()) {
                return messages.format("connections.testing", viewModel.testedNameProperty().get());
            }
            var o = viewModel.testOutcomeProperty().get();
            return o == null ? messages.get("connections.testHint") : texts.outcome(viewModel.testedNameProperty().get(), o);
        }, viewModel.testingProperty(), viewModel.testOutcomeProperty(), viewModel.testedNameProperty()));
        viewModel.testOutcomeProperty().subscribe(o -> testResult.pseudoClassStateChanged(FAILED,
                o != null && !o.succeeded()));
    }

    private String lastSync(ConnectionRowViewModel r) {
        if (r.lastSyncStatus() == null) {
            return r.problem() != null ? messages.format("connections.lastSync.notPolled", r.problem())
                    : messages.get("connections.lastSync.never");
        }
        String at = r.lastSyncAt() == null ? "" : TIME.format(r.lastSyncAt());
        if (r.problem() != null) {
            return messages.format("connections.lastSync.failed", at, r.problem());
        }
        if (r.lastSyncStatus() == SyncStatus.RUNNING) {
            return messages.format("connections.lastSync.running", at);
        }
        return messages.format("connections.lastSync.ok", at, r.lastSyncRows());
    }

    private String secrets(ConnectionRowViewModel r) {
        long needed = r.kind().fields().stream().filter(f -> f.secret() && f.required()).count();
        long have = r.kind().fields().stream().filter(f -> f.secret() && f.required()
                && r.storedSecrets().contains(f.key())).count();
        if (needed == 0) {
            return messages.get("connections.secrets.none");
        }
        return have >= needed ? messages.get("connections.secrets.stored")
                : messages.format("connections.secrets.missing", needed - have);
    }

    /** The root of the screen. */
    public BorderPane root() {
        return connectionsRoot;
    }

    /** Detaches the table from the view model's list. */
    public void dispose() {
        // An empty list, not null: a skin still laying out the old scene would trip over null.
        connectionTable.setItems(FXCollections.observableArrayList());
    }

    @Override
    public void close() {
        dispose();
        viewModel.close();
    }

    @FXML
    private void onEdit() {
        viewModel.editSelected();
    }

    @FXML
    private void onTest() {
        viewModel.testSelected();
    }

    @FXML
    private void onAuthorize() {
        viewModel.authorizeSelected();
    }

    @FXML
    private void onRemove() {
        viewModel.removeSelected();
    }
}
