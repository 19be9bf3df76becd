package com.stocklens.ui.codes;

import com.stocklens.domain.BeijingTime;
import com.stocklens.domain.CodeCheckResult;
import com.stocklens.domain.CodeFinding;
import com.stocklens.domain.CodeFindingKind;
import com.stocklens.service.CodeChecks;
import com.stocklens.service.ReportExports;
import com.stocklens.service.ReportFormat;
import com.stocklens.ui.BackgroundAction;
import com.stocklens.ui.DialogService;
import com.stocklens.ui.ExportViewModel;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the three-code check screen, free of any toolkit: runs the check on {@code background},
 * groups the findings by kind, exports them, and knows whether today is the monthly check day
 * (docs/DOMAIN.md §7: the first day of every month, Beijing calendar).
 */
public final class CodesViewModel implements AutoCloseable {

    private final CodeChecks checks;
    private final ReportExports exports;
    private final Clock clock;
    private final Locale locale;
    private final BackgroundAction checkRuns;
    private final ExportViewModel export;

    private final ReadOnlyObjectWrapper<CodeCheckResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ObservableList<FindingGroup> groups = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper runError = new ReadOnlyStringWrapper(this, "runError");
    private final ReadOnlyBooleanWrapper checkDay = new ReadOnlyBooleanWrapper(this, "checkDay");

    public CodesViewModel(CodeChecks checks, ReportExports exports, DialogService dialogs, Clock clock, Locale locale,
                          Executor background, Executor ui) {
        this.checks = Objects.requireNonNull(checks, "checks");
        this.exports = Objects.requireNonNull(exports, "exports");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.locale = Objects.requireNonNull(locale, "locale");
        this.checkRuns = new BackgroundAction("the three-code check", background, ui);
        this.export = new ExportViewModel(dialogs, background, ui);
        updateCheckDay();
    }

    /** Re-reads the calendar; the view calls it when the screen is shown, so a window left open overnight notices. */
    public void updateCheckDay() {
        checkDay.set(isCheckDay(LocalDate.now(clock.withZone(BeijingTime.ZONE))));
    }

    /** The monthly three-code check is due on the first day of each month. */
    public static boolean isCheckDay(LocalDate day) {
        return day.getDayOfMonth() == 1;
    }

    /** Runs the check on the background executor; ignored while one runs. */
    public void run() {
        if (running.get()) {
            return;
        }
        running.set(true);
        runError.set(null);
        boolean started = checkRuns.run(() -> {
            CodeCheckResult r = checks.checkCurrent();
            return new Checked(r, group(r.findings()));
        }, checked -> {
            running.set(false);
            result.set(checked.result());
            groups.setAll(checked.groups());
        }, reason -> {
            running.set(false);
            runError.set(reason);
        });
        if (!started) {
            running.set(false);
        }
    }

    private record Checked(CodeCheckResult result, List<FindingGroup> groups) {
    }

    /** Findings by kind, kinds in their declared order, empty kinds left out. */
    public static List<FindingGroup> group(List<CodeFinding> findings) {
        Map<CodeFindingKind, List<CodeFinding>> byKind = new EnumMap<>(CodeFindingKind.class);
        for (CodeFinding f : findings) {
            byKind.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f);
        }
        List<FindingGroup> out = new ArrayList<>();
        byKind.forEach((kind, list) -> out.add(new FindingGroup(kind, list)));
        return out;
    }

    /** Asks for a file and writes the last result; nothing happens before a check has run. */
    public void exportTo(ReportFormat format) {
        CodeCheckResult shown = result.get();
        if (shown == null) {
            return;
        }
        String day = LocalDate.now(clock.withZone(BeijingTime.ZONE)).toString();
        export.export(format, "three-code-check-" + day, (f, out) -> exports.exportCodeCheck(shown, f, locale, out));
    }

    /** The last check's outcome, null before the first run. */
    public ReadOnlyObjectProperty<CodeCheckResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ObservableList<FindingGroup> groups() {
        return groups;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Why the last run failed, null when it worked. */
    public ReadOnlyStringProperty runErrorProperty() {
        return runError.getReadOnlyProperty();
    }

    /** True on the first day of the month: the screen shows the reminder banner. */
    public ReadOnlyBooleanProperty checkDayProperty() {
        return checkDay.getReadOnlyProperty();
    }

    public ExportViewModel export() {
        return export;
    }

    @Override
    public void close() {
        checkRuns.close();
    }
}
