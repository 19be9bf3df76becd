package com.stocklens.ui.backups;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.service.ReportFormat;
import com.stocklens.service.WorkspaceBackups;
import com.stocklens.store.Backups;
import com.stocklens.store.Database;
import com.stocklens.store.DatabaseBackups;
import com.stocklens.store.SnapshotRepository;
import com.stocklens.store.StoreFixtures;
import com.stocklens.ui.DialogService;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.Messages;
import com.stocklens.ui.ScreenshotOnFailure;
import com.stocklens.ui.UiContext;
import com.stocklens.ui.flags.DeclarationFormViewModel;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * File → Restore backup… on a real stage over a real workspace's backups, headless, looked up by fx:id:
 * listed newest first in Beijing time, "Back up now", and a confirmed restore that is requested, offered a
 * reopen, and applied when the workspace opens again.
 */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class RestoreBackupViewTest {
    /** 04:35 UTC = 12:35 Beijing time. */
    static final Instant DAILY = Instant.parse("2026-11-26T04:35:00Z");

    @TempDir
    static Path dir;
    private Path workspace;
    private Database db;
    private WorkspaceBackups backups;
    private RestoreBackupViewModel viewModel;
    private final Answers dialogs = new Answers();
    private final AtomicInteger reopened = new AtomicInteger();

    /** Answers every confirmation with {@link #answer} and remembers the questions asked. */
    static final class Answers implements DialogService {
        volatile boolean answer = true;
        final List<String> asked = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<Boolean> editDeclaration(DeclarationFormViewModel form) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Optional<Path>> chooseSaveFile(String titleKey, String suggestedName, ReportFormat format) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Boolean> confirm(String titleKey, String messageKey, Object... args) {
            asked.add(messageKey);
            return CompletableFuture.completedFuture(answer);
        }
    }

    @Start
    void start(Stage stage) {
        FxTheme.apply();
        workspace = dir.resolve("ws-" + System.nanoTime());
        // Opening a workspace takes the daily backup (here at DAILY, of the still empty database).
        db = Database.open(workspace, Clock.fixed(DAILY, ZoneOffset.UTC));
        SnapshotRepository repo = new SnapshotRepository(db.jdbi());
        Instant later = DAILY.plusSeconds(3600);
        repo.commit(StoreFixtures.SHIPBOB, repo.beginRun(StoreFixtures.SHIPBOB.id(), later),
                StoreFixtures.shipbob(later, 20, 5), later, 5);
        backups = new DatabaseBackups(db, workspace, Clock.fixed(DAILY.plusSeconds(86_400), ZoneOffset.UTC));
        viewModel = new RestoreBackupViewModel(backups, Runnable::run, Runnable::run, dialogs, reopened::incrementAndGet);
        Parent root = RestoreBackupDialog.content(viewModel, new Messages(UiContext.CHINESE));
        FxTheme.style(root);
        stage.setScene(new Scene(root, 760, 480));
        stage.show();
        viewModel.load();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsBacksUpRestoresAfterConfirmingAndTheRestoreIsAppliedAtTheNextOpen(FxRobot robot) {
        TableView<RestoreBackupViewModel.Row> table = robot.lookup("#backupTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(1);
        assertThat(table.getItems().get(0).time()).isEqualTo("2026-11-26 12:35"); // Beijing time
        assertThat(table.getItems().get(0).label()).isEqualTo("daily");
        assertThat(robot.lookup("#restoreButton").queryButton().isDisabled()).as("nothing selected yet").isTrue();

        robot.clickOn("#backUpNowButton");
        robot.interact(() -> { });
        assertThat(table.getItems()).hasSize(2);
        assertThat(table.getItems().get(0).time()).as("newest first").isEqualTo("2026-11-27 12:35");
        assertThat(table.getItems().get(0).label()).isEqualTo("manual");
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).isEqualTo("已完成 2026-11-27 12:35 的备份。");

        // Said no: nothing is requested.
        dialogs.answer = false;
        robot.interact(() -> table.getSelectionModel().select(1));
        robot.clickOn("#restoreButton");
        robot.interact(() -> { });
        assertThat(Backups.requestedRestore(workspace)).isEmpty();
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).isEqualTo("未恢复任何备份。");

        // Said yes: requested, marked, and a reopen offered and taken.
        dialogs.answer = true;
        dialogs.asked.clear();
        String daily = table.getItems().get(1).name();
        robot.clickOn("#restoreButton");
        robot.interact(() -> { });
        assertThat(dialogs.asked).containsExactly("backups.confirm.question", "backups.restart.question");
        assertThat(Backups.requestedRestore(workspace)).contains(daily);
        assertThat(table.getItems().get(1).pending()).isTrue();
        assertThat(robot.lookup("#status").queryAs(Label.class).getText())
                .isEqualTo("StockLens 重新打开工作区时将恢复 2026-11-26 12:35 的备份。");
        assertThat(reopened).hasValue(1);

        // The reopen: the snapshot taken after the backup is gone, and the person is told.
        assertThat(new SnapshotRepository(db.jdbi()).latest(StoreFixtures.SHIPBOB.id())).isPresent();
        db.close();
        db = Database.open(workspace);
        assertThat(db.notice()).hasValueSatisfying(n -> assertThat(n).contains("was restored as you asked"));
        assertThat(new SnapshotRepository(db.jdbi()).latest(StoreFixtures.SHIPBOB.id())).isEmpty();
        assertThat(Backups.requestedRestore(workspace)).isEmpty();
    }

    /** docs/screenshots/restore-backup-zh.png: the dialog over a dimmed 1366×768 window, after "Back up now", in Chinese. */
    @Test
    void screenshot(FxRobot robot) throws Exception {
        Messages messages = new Messages(UiContext.CHINESE);
        WritableImage[] image = new WritableImage[1];
        Scene[] shown = new Scene[1];
        robot.interact(() -> {
            RestoreBackupViewModel vm = new RestoreBackupViewModel(backups, Runnable::run, Runnable::run, dialogs,
                    () -> { });
            DialogPane pane = new DialogPane();
            pane.setHeaderText(messages.get("backups.header"));
            pane.setContent(RestoreBackupDialog.content(vm, messages));
            pane.getButtonTypes().add(new ButtonType(messages.get("backups.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
            pane.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
            pane.setStyle("-fx-effect: dropshadow(gaussian, rgba(0,0,0,0.35), 24, 0.2, 0, 4);");
            vm.load();
            vm.backUpNow();
            StackPane back = new StackPane(pane);
            back.setStyle("-fx-background-color: #5f6672;");
            FxTheme.style(back);
            Scene scene = new Scene(back, 1366, 768);
            TableView<?> t = (TableView<?>) pane.lookup("#backupTable");
            t.getSelectionModel().select(1);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            shown[0] = scene;
        });
        robot.interact(() -> { });
        robot.interact(() -> image[0] = shown[0].snapshot(null));
        robot.interact(() -> ((Stage) shown[0].getWindow()).close());
        File out = new File("target/restore-backup-zh.png");
        ScreenshotOnFailure.write(image[0], out);
        assertThat(out).exists();
        assertThat(robot.lookup("#backUpNowButton").queryAs(Button.class).getText()).isEqualTo("立即备份");
    }
}
