package com.stocklens.ui;

import impl.org.controlsfx.i18n.Localization;
import javafx.scene.control.TableView;
import org.controlsfx.control.table.TableFilter;

/**
 * Excel-like column filters: ControlsFX's {@link TableFilter} on a table, opened from a column header's context
 * menu (right click): the column's distinct values to tick, a search box, All, None, Apply.
 *
 * <p>Lazy: a column collects its values only when its menu first opens. TableFilter wraps the table's items in
 * a {@code FilteredList} under two {@code SortedList}s and keeps, per opened column, a list of distinct values it
 * searches linearly when a row goes away; that suits tables of hundreds to a few thousand rows re-read whole. It
 * is not used on the stock table: there it undid the diff apply of {@code ui.stock.ShownRows} (issue 20) and, at
 * 100k rows, made one sync's apply take a minute once a column's menu had been opened (docs/ARCHITECTURE.md).
 *
 * <p>The panel's words are ControlsFX's own bundle ({@code controlsfx.properties}); StockLens adds
 * {@code controlsfx_en.properties} and {@code controlsfx_zh_CN.properties} and points ControlsFX at the window's
 * language.
 */
public final class FxColumnFilters {
    private FxColumnFilters() {
    }

    /** Installs the column filters on {@code table}, whose items must be set already. */
    public static <T> TableFilter<T> install(TableView<T> table, Messages messages) {
        Localization.setLocale(messages.locale());
        return TableFilter.forTableView(table).lazy(true).apply();
    }
}
