package com.stocklens.ui.backups;

import com.stocklens.domain.BeijingTime;
import com.stocklens.service.WorkspaceBackups;
import com.stocklens.ui.BackgroundAction;
import com.stocklens.ui.DialogService;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * File → Restore backup…: the workspace's backups (newest first, Beijing time), "Back up now", and a
 * restore that is confirmed, requested, and applied when the workspace reopens — at once if the person
 * chooses to restart now. Service calls run on {@code background}; results are applied on {@code fx}.
 */
public final class RestoreBackupViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(BeijingTime.ZONE);

    /** What the dialog is doing or has just done. */
    public enum Status { IDLE, LOADING, EMPTY, BACKING_UP, BACKED_UP, RESTORE_REQUESTED, RESTORE_CANCELLED, FAILED }

    /**
     * One backup as shown.
     *
     * @param time    when it was taken, Beijing time ("2026-11-27 12:35")
     * @param size    "1.2 MB" / "340 KB"
     * @param label   daily, manual, before-v10 …, or "" when unknown
     * @param pending true when this is the backup already asked for
     */
    public record Row(String name, String time, String size, String label, boolean pending) {
    }

    private final WorkspaceBackups backups;
    private final BackgroundAction steps;
    private final DialogService dialogs;
    private final Runnable reopen;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Status> status = new SimpleObjectProperty<>(Status.IDLE);
    private final StringProperty detail = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();

    /**
     * @param dialogs asks "restore this backup?" and "restart now?"
     * @param reopen  closes and reopens the workspace (the restore is applied on open), on the FX thread;
     *                null when the app cannot: the restore then happens at the next start
     */
    public RestoreBackupViewModel(WorkspaceBackups backups, Executor background, Executor fx, DialogService dialogs,
                                  Runnable reopen) {
        this.backups = Objects.requireNonNull(backups, "backups");
        this.steps = new BackgroundAction("the workspace backups", background, fx);
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.reopen = reopen;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObjectProperty<Status> statusProperty() {
        return status;
    }

    /** The time of the backup just made or asked for, or the plain reason of a failure. */
    public StringProperty detailProperty() {
        return detail;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The row the person picked (the view keeps it in step with the table's selection). */
    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    /** Whether the app can reopen the workspace by itself ("Restart now"). */
    public boolean canReopen() {
        return reopen != null;
    }

    /** Reads the backups. */
    public void load() {
        run(Status.LOADING, () -> {
            List<WorkspaceBackups.Backup> all = backups.list();
            String pending = backups.requestedRestore().orElse(null);
            return all.stream().map(b -> row(b, b.name().equals(pending))).toList();
        }, list -> {
            rows.setAll(list);
            status.set(list.isEmpty() ? Status.EMPTY : Status.IDLE);
        });
    }

    /** Takes a backup now, then shows the list again with it on top. */
    public void backUpNow() {
        run(Status.BACKING_UP, () -> {
            WorkspaceBackups.Backup b = backups.backUpNow();
            String pending = backups.requestedRestore().orElse(null);
            return new Object[] {row(b, false), backups.list().stream().map(x -> row(x, x.name().equals(pending))).toList()};
        }, result -> {
            @SuppressWarnings("unchecked")
            List<Row> list = (List<Row>) result[1];
            rows.setAll(list);
            detail.set(((Row) result[0]).time());
            status.set(Status.BACKED_UP);
        });
    }

    /**
     * Asks to confirm, requests the restore of the selected backup, then offers to restart now. Nothing
     * happens without a selection or when the person says no.
     */
    public void restoreSelected() {
        Row row = selected.get();
        if (row == null || busy.get()) {
            return;
        }
        dialogs.confirm("backups.confirm.title", "backups.confirm.question", row.time())
                .thenAccept(yes -> {
                    if (!yes) {
                        status.set(Status.RESTORE_CANCELLED);
                        return;
                    }
                    run(Status.LOADING, () -> {
                        backups.requestRestore(row.name());
                        return backups.list().stream().map(x -> row(x, x.name().equals(row.name()))).toList();
                    }, list -> {
                        rows.setAll(list);
                        detail.set(row.time());
                        status.set(Status.RESTORE_REQUESTED);
                        if (reopen != null) {
                            dialogs.confirm("backups.restart.title", "backups.restart.question", row.time())
                                    .thenAccept(now -> {
                                        if (now) {
                                            reopen.run();
                                        }
                                    });
                        }
                    });
                });
    }

    private <T> void run(Status during, BackgroundAction.Work<T> work, Consumer<T> done) {
        busy.set(true);
        status.set(during);
        boolean started = steps.run(work, result -> {
            busy.set(false);
            done.accept(result);
        }, reason -> {
            busy.set(false);
            detail.set(reason);
            status.set(Status.FAILED);
        });
        if (!started) {
            busy.set(false);
        }
    }

    static Row row(WorkspaceBackups.Backup b, boolean pending) {
        return new Row(b.name(), TIME.format(b.takenAt()), size(b.size()), b.label() == null ? "" : b.label(), pending);
    }

    /** "1.2 MB" from a megabyte up, else whole kilobytes (at least 1). */
    static String size(long bytes) {
        return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0)
                : Math.max(1, bytes / 1024) + " KB";
    }
}
