package com.stocklens.ui.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.app.imports.StockImportService;
import com.stocklens.domain.Market;
import com.stocklens.domain.Provider;
import com.stocklens.sandbox.PartnerSpreadsheet;
import com.stocklens.sandbox.PartnerWarehouse;
import com.stocklens.sandbox.SimulatedWorld;
import com.stocklens.service.ImportError;
import com.stocklens.service.ImportField;
import com.stocklens.store.Database;
import com.stocklens.store.JdbiStockImportStore;
import com.stocklens.store.SnapshotRepository;
import com.stocklens.ui.Decorations;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.Messages;
import com.stocklens.ui.ScreenshotOnFailure;
import com.stocklens.ui.UiContext;
import java.io.File;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The import dialog on a real stage against a real (in-memory) store, headless, looked up by fx:id. */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class ImportViewTest {
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private SnapshotRepository snapshots;
    private StockImportService imports;
    private ImportViewModel viewModel;

    @Start
    void start(Stage stage) {
        FxTheme.apply();
        db = Database.inMemory("import-view-" + System.nanoTime());
        snapshots = new SnapshotRepository(db.jdbi());
        imports = new StockImportService(new JdbiStockImportStore(db.jdbi(), snapshots), Clock.fixed(NOW, ZoneOffset.UTC));
        imports.saveWarehouse("PH-MNL", "Manila partner warehouse", Market.PH, "PH-Luzon", ZoneId.of("Asia/Manila"));
        Messages messages = new Messages(UiContext.CHINESE);
        viewModel = new ImportViewModel(imports, Runnable::run, Runnable::run);
        Parent root = ImportDialog.content(viewModel, messages);
        FxTheme.style(root);
        stage.setScene(new Scene(root, 1100, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Path file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, text.getBytes(Charset.forName("GBK")));
        Files.setLastModifiedTime(f, FileTime.from(NOW.minus(Duration.ofHours(5))));
        return f;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aValidFileIsMappedPreviewedAndImported(FxRobot robot) throws Exception {
        Path f = file("ok.csv", "商品编码,条形码,可用数量,在途数量\r\nA-1,6901234567892,5,10\r\nA-2,,0,\r\n");
        robot.interact(() -> {
            viewModel.load();
            viewModel.chooseFile(f);
        });
        assertThat(robot.lookup("#map-available").queryAs(ComboBox.class).getValue()).isEqualTo("可用数量");
        assertThat(robot.lookup("#map-sku").queryAs(ComboBox.class).getValue()).isEqualTo("商品编码");
        assertThat(robot.lookup("#map-frozen").queryAs(ComboBox.class).getValue()).isEqualTo("");
        // What the unmapped choice draws: the whole text, not "— 不映射（未…".
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> cell = (ListCell<?>) robot.lookup("#map-frozen").queryAs(ComboBox.class).getButtonCell();
        Text drawn = (Text) cell.getChildrenUnmodifiable().stream().filter(n -> n instanceof Text).findFirst()
                .orElseThrow();
        assertThat(drawn.getText()).isEqualTo(new Messages(UiContext.CHINESE).get("import.notMapped"));
        assertThat(robot.lookup("#previewTable").queryAs(TableView.class).getItems()).hasSize(2);
        Button importButton = robot.lookup("#importButton").queryButton();
        assertThat(importButton.isDisabled()).isFalse();

        robot.clickOn("#importButton");
        assertThat(snapshots.latest("csv:PH-MNL")).hasValueSatisfying(s -> {
            assertThat(s.rowCount()).isEqualTo(2);
            assertThat(s.takenAt()).isEqualTo(NOW.minus(Duration.ofHours(5)));
        });
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).contains("已导入 2 行");
        assertThat(importButton.isDisabled()).as("imported once").isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBadFileListsItsErrorsAndImportsNothing(FxRobot robot) throws Exception {
        Path f = file("bad.csv", "商品编码,可用数量\r\nA-1,5\r\nA-2,-1\r\nA-1,3\r\n");
        robot.interact(() -> {
            viewModel.load();
            viewModel.chooseFile(f);
        });
        TableView<ImportError> errors = robot.lookup("#errorTable").queryAs(TableView.class);
        assertThat(errors.getItems()).extracting(ImportError::row).containsExactly(3, 4);
        assertThat(robot.lookup("#importButton").queryButton().isDisabled()).isTrue();
        // Each column with problems says so on its choice in the mapping (a ControlsFX decoration).
        assertThat(Decorations.problem(robot, "#map-available")).isEqualTo("此列有 1 个问题，见下方列表。");
        assertThat(Decorations.problem(robot, "#map-sku")).isEqualTo("此列有 1 个问题，见下方列表。");
        assertThat(Decorations.problem(robot, "#map-frozen")).isNull();
        assertThat(Decorations.problem(robot, "#warehouse")).isNull();
        robot.clickOn("#validate");
        assertThat(errors.getItems()).hasSize(2);
        assertThat(snapshots.latest("csv:PH-MNL")).isEmpty();

        // Unmapping the available column is judged again before Import can be pressed; until then no column
        // claims the old check's problems.
        robot.interact(() -> viewModel.choice(ImportField.AVAILABLE).set(null));
        assertThat(robot.lookup("#importButton").queryButton().isDisabled()).isTrue();
        assertThat(Decorations.problem(robot, "#map-available")).isNull();
        assertThat(Decorations.problem(robot, "#map-sku")).isNull();
        // The SKU's column chosen twice, then not at all.
        robot.interact(() -> viewModel.choice(ImportField.BARCODE).set("商品编码"));
        assertThat(Decorations.problem(robot, "#map-barcode")).isEqualTo("此列同时被选给了另一个字段。");
        assertThat(Decorations.problem(robot, "#map-sku")).isEqualTo("此列同时被选给了另一个字段。");
        robot.interact(() -> {
            viewModel.choice(ImportField.BARCODE).set(null);
            viewModel.choice(ImportField.SKU).set(null);
        });
        assertThat(Decorations.problem(robot, "#map-barcode")).isNull();
        assertThat(Decorations.problem(robot, "#map-sku")).isEqualTo("请选择卖家 SKU 所在的列。");
    }

    @Test
    void aNewWarehouseNeedsANameNoWarehouseHasYet(FxRobot robot) {
        robot.interact(viewModel::load);
        Button create = robot.lookup("#createWarehouse").queryButton();
        assertThat(create.isDisabled()).as("no name").isTrue();
        robot.interact(() -> robot.lookup("#newWarehouseName").queryAs(TextField.class)
                .setText("manila partner warehouse "));
        assertThat(Decorations.problem(robot, "#newWarehouseName")).isEqualTo("已有同名的 CSV 仓库：请在仓库列表中选择它。");
        assertThat(create.isDisabled()).isTrue();
        robot.interact(() -> robot.lookup("#newWarehouseName").queryAs(TextField.class).setText("Cebu partner"));
        assertThat(Decorations.problem(robot, "#newWarehouseName")).isNull();
        assertThat(create.isDisabled()).isFalse();
        robot.clickOn("#createWarehouse");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.warehouseProperty().get().name()).isEqualTo("Cebu partner");
        assertThat(robot.lookup("#newWarehouseName").queryAs(TextField.class).getText()).isEmpty();
    }

    @Test
    void beforeAFileNothingIsCalledProblemFreeAndNotMappedReadsInFull(FxRobot robot) {
        Messages zh = new Messages(UiContext.CHINESE);
        robot.interact(viewModel::load);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#problemsPlaceholder").queryAs(Label.class).getText())
                .isEqualTo(zh.get("import.problems.notYet"));
    }

    @Test
    void renderTheMappingDialogInBothLanguages(FxRobot robot) throws Exception {
        SimulatedWorld world = new SimulatedWorld(20261127L, SimulatedWorld.DEFAULT_SKU_COUNT,
                Clock.fixed(NOW, ZoneOffset.UTC));
        PartnerWarehouse manila = world.partners().warehouses(Provider.CSV).get(0);
        String sheet = PartnerSpreadsheet.csv(world.partners(), manila, NOW.minus(Duration.ofHours(5)));
        // Two typical mistakes of a hand-edited sheet, so the problem list has something to show.
        String[] lines = sheet.split("\r\n");
        lines[4] = lines[4].replaceFirst("^[^,]+", "6.90123E+12");
        lines[6] = lines[6].replaceFirst(",(\\d+),(\\d+),(\\d+)", ",$1,-2,$3");
        Path f = file("马尼拉仓库存 2026-11-27.csv", String.join("\r\n", lines) + "\r\n");
        for (Locale locale : new Locale[] {UiContext.CHINESE, UiContext.ENGLISH}) {
            Messages messages = new Messages(locale);
            ImportViewModel vm = new ImportViewModel(imports, Runnable::run, Runnable::run);
            WritableImage[] image = new WritableImage[1];
            Scene[] scene = new Scene[1];
            robot.interact(() -> {
                DialogPane pane = new DialogPane();
                pane.setHeaderText(messages.get("import.header"));
                pane.setContent(ImportDialog.content(vm, messages));
                vm.load();
                vm.chooseFile(f);
                pane.getButtonTypes().add(new ButtonType(messages.get("import.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
                FxTheme.style(pane);
                // In a holder that stretches it, as a dialog's window does: the field decorations put ControlsFX's
                // layer over the scene's root, and a layer would keep the pane to the theme's 600 px.
                Pane holder = new Pane(pane) {
                    @Override
                    protected void layoutChildren() {
                        pane.resizeRelocate(0, 0, getWidth(), getHeight());
                    }
                };
                scene[0] = new Scene(holder, 1366, 768);
                scene[0].snapshot(null);
            });
            // The columns' decorations come a pulse after the check (ControlsFX validates then).
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                scene[0].snapshot(null); // the first lays the new layer out
                image[0] = scene[0].snapshot(null);
            });
            assertThat(vm.errors()).hasSize(2);
            File out = new File("target/import-mapping-" + (locale == UiContext.CHINESE ? "zh" : "en") + ".png");
            ScreenshotOnFailure.write(image[0], out);
            assertThat(out).exists();
        }
    }
}
