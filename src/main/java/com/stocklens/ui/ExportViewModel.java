package com.stocklens.ui;

import com.stocklens.service.ReportFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One report screen's export state, shared by the health and code-check screens: ask for a file, write
 * it on the background executor, and say plainly how it went. Properties change on the {@code ui}
 * executor's thread only.
 */
public final class ExportViewModel {
    /** Writes the report in {@code format} to {@code out}; blocking. */
    @FunctionalInterface
    public interface Writer {
        void write(ReportFormat format, Path out) throws IOException;
    }

    private final DialogService dialogs;
    private final Executor ui;
    private final BackgroundAction writes;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyObjectWrapper<Path> saved = new ReadOnlyObjectWrapper<>(this, "saved");

    public ExportViewModel(DialogService dialogs, Executor background, Executor ui) {
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.writes = new BackgroundAction("a report export", background, ui);
    }

    /**
     * Asks for a file named like {@code baseName} and writes the report there. Ignored while an export
     * runs (one file at a time keeps the progress indicator honest).
     */
    public void export(ReportFormat format, String baseName, Writer writer) {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(writer, "writer");
        if (busy.get()) {
            return;
        }
        String suggested = baseName + "." + format.name().toLowerCase(Locale.ROOT);
        dialogs.chooseSaveFile("export.dialog.title", suggested, format).thenAccept(choice -> ui.execute(() -> {
            if (choice.isEmpty()) {
                return;
            }
            Path out = choice.get();
            busy.set(true);
            error.set(null);
            saved.set(null);
            boolean started = writes.run(() -> writer.write(format, out), () -> {
                busy.set(false);
                saved.set(out);
            }, reason -> {
                // A failed export must never look like a saved file: the reason goes on screen, not only in a log.
                busy.set(false);
                error.set(reason);
            });
            if (!started) {
                busy.set(false);
            }
        }));
    }

    /** True while a file is being written. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the last export failed, null after a success or before any export. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The file the last export wrote, null while none has succeeded. */
    public ReadOnlyObjectProperty<Path> savedProperty() {
        return saved.getReadOnlyProperty();
    }
}
