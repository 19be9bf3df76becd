package com.stocklens.ui.health;

import com.stocklens.domain.BeijingTime;
import com.stocklens.domain.HealthFigure;
import com.stocklens.domain.HealthReport;
import com.stocklens.domain.Verdict;
import com.stocklens.domain.Warehouse;
import com.stocklens.service.HealthReports;
import com.stocklens.service.ReportExports;
import com.stocklens.service.ReportFormat;
import com.stocklens.service.StockBoardReader;
import com.stocklens.ui.BackgroundRefresh;
import com.stocklens.ui.DialogService;
import com.stocklens.ui.ExportViewModel;
import com.stocklens.ui.WarehouseFilter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the health report screen, free of any toolkit: the period (a quarter or any from/to), the
 * warehouses it covers ({@link #warehouseFilter()}, none chosen: all), the report's indicator cards, its
 * per-warehouse and per-SKU lines, and exports. Reads run on
 * {@code background}; only the newest request's answer is applied, so a slow old read never overwrites
 * the period the person picked last.
 */
public final class HealthViewModel implements AutoCloseable {
    /** Two years of quarters: enough to compare with the same quarter last year. */
    public static final int QUARTERS = 8;
    private static final Logger LOG = LoggerFactory.getLogger(HealthViewModel.class);

    private final HealthReports reports;
    private final ReportExports exports;
    private final StockBoardReader board;
    private final Clock clock;
    private final Locale locale;
    private final ExportViewModel export;
    private final BackgroundRefresh<Loaded> loader;
    /** The period read, set on the UI thread before each read; the read takes it on the background thread. */
    private volatile Period period;

    private final ObservableList<Quarter> quarters = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Quarter> quarter = new ReadOnlyObjectWrapper<>(this, "quarter");
    private final ReadOnlyObjectWrapper<LocalDate> from = new ReadOnlyObjectWrapper<>(this, "from");
    private final ReadOnlyObjectWrapper<LocalDate> to = new ReadOnlyObjectWrapper<>(this, "to");
    private final ReadOnlyStringWrapper periodProblem = new ReadOnlyStringWrapper(this, "periodProblem");
    private final ReadOnlyObjectWrapper<HealthReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ObservableList<HealthFigure> overall = FXCollections.observableArrayList();
    private final ObservableList<WarehouseHealthRow> warehouses = FXCollections.observableArrayList();
    private final ObservableList<HealthReport.SkuHealth> skus = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError");
    private final ReadOnlyObjectWrapper<Instant> pastMoment = new ReadOnlyObjectWrapper<>(this, "moment");
    private final WarehouseFilter warehouseFilter = new WarehouseFilter();
    /** The chosen warehouses as the next read takes them (set on the UI thread, read on the background). */
    private volatile Set<String> chosen = Set.of();

    public HealthViewModel(HealthReports reports, ReportExports exports, StockBoardReader board,
                           DialogService dialogs, Clock clock, Locale locale,
                           Executor background, Executor ui) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.exports = Objects.requireNonNull(exports, "exports");
        this.board = Objects.requireNonNull(board, "board");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.locale = Objects.requireNonNull(locale, "locale");
        this.loader = BackgroundRefresh.atMoments("the health report", this::read, this::apply,
                this::failed, background, ui);
        this.export = new ExportViewModel(dialogs, background, ui);
        fillQuarters();
        // Another choice of warehouses is another report of the same period: every figure is theirs alone.
        warehouseFilter.chosenProperty().addListener((obs, o, n) -> {
            chosen = n;
            refresh();
        });
    }

    /** Today, or the day of the past moment shown: the last day a report can cover. */
    private LocalDate today() {
        Instant at = pastMoment.get();
        return at == null ? LocalDate.now(clock.withZone(BeijingTime.ZONE)) : at.atZone(BeijingTime.ZONE).toLocalDate();
    }

    private void fillQuarters() {
        List<Quarter> list = new ArrayList<>(QUARTERS);
        Quarter q = Quarter.of(today());
        for (int i = 0; i < QUARTERS; i++) {
            list.add(q);
            q = q.previous();
        }
        quarters.setAll(list);
    }

    /** Shows the current quarter to date. */
    public void start() {
        selectQuarter(quarters.get(0));
    }

    /**
     * Shows the report as it could be made at {@code at} (null: now): the quarter holding that moment, to
     * that day, from the stock, ages and TikTok mapping as they stood then ({@link HealthReports#reportAt}).
     */
    public void showMoment(Instant at) {
        pastMoment.set(at);
        fillQuarters();
        start();
    }

    /** The past moment shown, null for now. */
    public ReadOnlyObjectProperty<Instant> momentProperty() {
        return pastMoment.getReadOnlyProperty();
    }

    /** Picks a quarter; the current one runs to today, since later days have no data yet. */
    public void selectQuarter(Quarter q) {
        if (q == null) {
            return;
        }
        LocalDate end = q.lastDay().isAfter(today()) ? today() : q.lastDay();
        quarter.set(q);
        load(q.firstDay(), end);
    }

    /** Picks any range (both days inclusive); a range the person cannot mean is refused with a reason. */
    public void selectRange(LocalDate start, LocalDate end) {
        if (start == null || end == null) {
            periodProblem.set("health.period.missing");
            return;
        }
        if (start.isAfter(end)) {
            periodProblem.set("health.period.reversed");
            return;
        }
        quarter.set(quarters.stream().filter(q -> q.firstDay().equals(start)
                && (q.lastDay().equals(end) || (end.equals(today()) && !q.lastDay().isBefore(end))))
                .findFirst().orElse(null));
        load(start, end);
    }

    /** Reads the report for the current period again. */
    public void refresh() {
        if (from.get() != null) {
            load(from.get(), to.get());
        }
    }

    private void load(LocalDate start, LocalDate end) {
        periodProblem.set(null);
        from.set(start);
        to.set(end);
        period = new Period(start, end);
        loading.set(true);
        if (!loader.showMoment(pastMoment.get())) {
            loading.set(false);
        }
    }

    /** Both days inclusive. */
    private record Period(LocalDate start, LocalDate end) {
    }

    private record Loaded(Period period, HealthReport report, List<WarehouseHealthRow> rows,
                          List<Warehouse> warehouses) {
    }

    /** The report for the period chosen last, as it could be made at {@code at} (null: now); blocking. */
    private Loaded read(Instant at) {
        Period p = period;
        HealthReport r = reports.report(p.start(), p.end(), at, chosen);
        Map<String, String> names = new HashMap<>();
        List<Warehouse> known = List.of();
        try {
            known = board.read().warehouses();
            for (Warehouse w : known) {
                names.put(w.id(), w.name());
            }
        } catch (RuntimeException e) {
            // Names only make the table friendlier; ids are still correct.
            LOG.debug("No warehouse names for the health report", e);
        }
        List<WarehouseHealthRow> rows = new ArrayList<>();
        r.perWarehouse().forEach((id, figures) -> rows.add(WarehouseHealthRow.of(id, names.getOrDefault(id, id), figures)));
        rows.sort(Comparator.comparing(WarehouseHealthRow::label));
        return new Loaded(p, r, rows, known);
    }

    private void apply(Loaded loaded) {
        if (!loaded.period().equals(period)) {
            // Read for a period no longer chosen: the newer read's answer follows.
            return;
        }
        if (!loaded.warehouses().isEmpty()) {
            warehouseFilter.setWarehouses(loaded.warehouses());
        }
        show(loaded.report(), loaded.rows(), null);
    }

    private void failed(String reason) {
        show(null, List.of(), reason);
    }

    private void show(HealthReport r, List<WarehouseHealthRow> rows, String error) {
        loading.set(false);
        loadError.set(error);
        report.set(r);
        overall.setAll(r == null ? List.of() : r.overall());
        warehouses.setAll(rows);
        skus.setAll(r == null ? List.of() : r.perSku());
    }

    /** Asks for a file and writes the report shown in {@code format}; nothing happens while none is shown. */
    public void exportTo(ReportFormat format) {
        HealthReport shown = report.get();
        if (shown == null) {
            return;
        }
        export.export(format, "health-report-" + shown.from() + "_" + shown.to(),
                (f, out) -> exports.exportHealth(shown, f, locale, out));
    }

    /**
     * The pseudo-class a verdict shows as: {@code healthy}, {@code unhealthy}, {@code unknown}, {@code thin}
     * (insufficient history: shown, not judged), or {@code info} for figures no band applies to.
     */
    public static String pseudoClass(Verdict verdict) {
        return switch (verdict == null ? Verdict.UNKNOWN : verdict) {
            case HEALTHY -> "healthy";
            case UNHEALTHY -> "unhealthy";
            case INFO -> "info";
            case UNKNOWN -> "unknown";
            case INSUFFICIENT_HISTORY -> "thin";
        };
    }

    /** Every pseudo-class {@link #pseudoClass} can return, so a view can clear the others. */
    public static List<String> pseudoClasses() {
        List<String> all = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            all.add(pseudoClass(v));
        }
        return all;
    }

    /** The warehouses the report covers (none chosen: all); a new choice reads the report again. */
    public WarehouseFilter warehouseFilter() {
        return warehouseFilter;
    }

    public ObservableList<Quarter> quarters() {
        return quarters;
    }

    /** The quarter shown, null for a custom range. */
    public ReadOnlyObjectProperty<Quarter> quarterProperty() {
        return quarter.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LocalDate> fromProperty() {
        return from.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LocalDate> toProperty() {
        return to.getReadOnlyProperty();
    }

    /** Message key of why the last custom range was refused, null when it was fine. */
    public ReadOnlyStringProperty periodProblemProperty() {
        return periodProblem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<HealthReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The report's overall figures, one card each. */
    public ObservableList<HealthFigure> overall() {
        return overall;
    }

    public ObservableList<WarehouseHealthRow> warehouses() {
        return warehouses;
    }

    public ObservableList<HealthReport.SkuHealth> skus() {
        return skus;
    }

    public ExportViewModel export() {
        return export;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    @Override
    public void close() {
        loader.close();
    }
}
