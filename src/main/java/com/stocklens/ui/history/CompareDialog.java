package com.stocklens.ui.history;

import com.stocklens.domain.Bucket;
import com.stocklens.service.StockChange;
import com.stocklens.ui.Formats;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.Messages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * View → Compare moments… (Ctrl+D): two moments, the table of changes sorted by impact, filters by
 * warehouse and bucket. Binds and forwards only; {@link CompareViewModel} decides.
 */
public final class CompareDialog {
    private CompareDialog() {
    }

    /** Opens the dialog; {@code moments} are the cached snapshot times, {@code from}/{@code to} preselected. */
    public static Stage show(Window owner, CompareViewModel vm, List<Instant> moments, Messages messages) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.NONE);
        }
        stage.setTitle(messages.get("history.compare.title"));

        List<Instant> fromChoices = new ArrayList<>(moments);
        List<Instant> toChoices = new ArrayList<>(moments);
        toChoices.add(null); // now
        ComboBox<Instant> from = momentBox("compareFrom", fromChoices, messages);
        ComboBox<Instant> to = momentBox("compareTo", toChoices, messages);
        from.valueProperty().bindBidirectional(vm.fromProperty());
        to.valueProperty().bindBidirectional(vm.toProperty());
        Button compare = new Button(messages.get("history.compare.run"));
        compare.setId("compareRun");
        compare.setDefaultButton(true);
        compare.disableProperty().bind(vm.busyProperty().or(vm.fromProperty().isNull()));
        compare.setOnAction(e -> vm.compare());

        ComboBox<String> warehouse = new ComboBox<>();
        warehouse.setId("compareWarehouse");
        warehouse.setPromptText(messages.get("history.compare.allWarehouses"));
        Runnable fillWarehouses = () -> {
            List<String> items = new ArrayList<>();
            items.add(null);
            items.addAll(vm.warehouses());
            warehouse.getItems().setAll(items);
        };
        vm.warehouses().addListener((ListChangeListener<String>) c -> fillWarehouses.run());
        fillWarehouses.run();
        warehouse.setButtonCell(textCell(w -> w == null ? messages.get("history.compare.allWarehouses") : w));
        warehouse.setCellFactory(l -> textCell(w -> w == null ? messages.get("history.compare.allWarehouses") : w));
        warehouse.valueProperty().bindBidirectional(vm.warehouseProperty());

        ComboBox<Bucket> bucket = new ComboBox<>();
        bucket.setId("compareBucket");
        List<Bucket> buckets = new ArrayList<>();
        buckets.add(null);
        buckets.addAll(List.of(Bucket.values()));
        bucket.getItems().setAll(buckets);
        Function<Bucket, String> bucketName = b -> b == null ? messages.get("history.compare.allBuckets")
                : messages.get("stock.bucket." + b.key());
        bucket.setButtonCell(textCell(bucketName));
        bucket.setCellFactory(l -> textCell(bucketName));
        bucket.valueProperty().bindBidirectional(vm.bucketProperty());

        HBox top = new HBox(8, new Label(messages.get("history.compare.from")), from,
                new Label(messages.get("history.compare.to")), to, compare, warehouse, bucket);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(10));

        TableView<StockChange> table = new TableView<>(vm.changes());
        table.setId("compareTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(messages.get("history.compare.column.sku"), StockChange::sellerSku));
        table.getColumns().add(column(messages.get("history.compare.column.warehouse"),
                c -> c.warehouseName() == null ? c.warehouseId() : c.warehouseName()));
        table.getColumns().add(column(messages.get("history.compare.column.bucket"), c -> bucketName.apply(c.bucket())));
        table.getColumns().add(column(messages.get("history.compare.column.before"),
                c -> Formats.quantity(c.before(), messages)));
        table.getColumns().add(column(messages.get("history.compare.column.after"),
                c -> Formats.quantity(c.after(), messages)));
        table.getColumns().add(column(messages.get("history.compare.column.delta"),
                c -> c.delta() == null ? Formats.UNKNOWN : Formats.signed(c.delta(), messages)));
        table.getColumns().add(column(messages.get("history.compare.column.kind"),
                c -> messages.get(kindKey(c.kind()))));
        table.setPlaceholder(new Label(messages.get("history.compare.empty")));

        Label summary = new Label();
        summary.setId("compareSummary");
        Runnable renderSummary = () -> summary.setText(vm.errorProperty().get() != null
                ? vm.errorProperty().get()
                : messages.format("history.compare.summary", vm.changes().size(), vm.netDelta()));
        vm.changes().addListener((ListChangeListener<StockChange>) c -> renderSummary.run());
        vm.errorProperty().addListener(o -> renderSummary.run());
        renderSummary.run();
        HBox bottom = new HBox(summary);
        bottom.setPadding(new Insets(6, 10, 8, 10));

        BorderPane root = new BorderPane(table, top, null, bottom, null);
        root.setId("compareDialog");
        FxTheme.style(root);
        Scene scene = new Scene(root, 1000, 560);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.show();
        vm.compare();
        return stage;
    }

    /** Literal keys, so the bundle test sees each one used. */
    static String kindKey(StockChange.Kind kind) {
        return switch (kind) {
            case CHANGED -> "history.kind.changed";
            case BECAME_KNOWN -> "history.kind.becameKnown";
            case BECAME_UNKNOWN -> "history.kind.becameUnknown";
            case APPEARED -> "history.kind.appeared";
            case DISAPPEARED -> "history.kind.disappeared";
        };
    }

    private static ComboBox<Instant> momentBox(String id, List<Instant> items, Messages messages) {
        ComboBox<Instant> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(items);
        Function<Instant, String> text = i -> i == null ? messages.get("history.now.label") : Formats.beijingTime(i);
        box.setButtonCell(textCell(text));
        box.setCellFactory(l -> textCell(text));
        box.setVisibleRowCount(15);
        return box;
    }

    private static <T> ListCell<T> textCell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : text.apply(item));
            }
        };
    }

    private static TableColumn<StockChange, String> column(String title, Function<StockChange, String> value) {
        TableColumn<StockChange, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setSortable(false);
        return c;
    }
}
