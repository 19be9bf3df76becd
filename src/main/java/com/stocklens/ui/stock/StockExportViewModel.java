package com.stocklens.ui.stock;

import com.stocklens.domain.BeijingTime;
import com.stocklens.domain.Bucket;
import com.stocklens.service.BoardRow;
import com.stocklens.service.FlagReader;
import com.stocklens.service.ReportExports;
import com.stocklens.service.ReportFormat;
import com.stocklens.service.SpreadsheetText;
import com.stocklens.service.StockTable;
import com.stocklens.ui.DialogService;
import com.stocklens.ui.ExportViewModel;
import com.stocklens.ui.Formats;
import com.stocklens.ui.Messages;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The stock screen's Export… and copy: the rows shown, as a spreadsheet (the columns of {@code stock
 * --json}, headed in the window's language, reading times in Beijing time) written off the FX thread, or
 * as tab-separated text that pastes into Excel or WPS as cells.
 */
public final class StockExportViewModel {
    private final ExportViewModel export;
    private final ReportExports exports;
    /** The red flags, for the lines TikTok blocks (an overdue calibration task); read with the file. */
    private final FlagReader flags;
    private final Messages messages;
    private final Clock clock;

    public StockExportViewModel(ReportExports exports, FlagReader flags, Messages messages, Clock clock,
                                DialogService dialogs, Executor background, Executor ui) {
        this.exports = Objects.requireNonNull(exports, "exports");
        this.flags = Objects.requireNonNull(flags, "flags");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.export = new ExportViewModel(dialogs, background, ui);
    }

    /**
     * Asks for a file and writes {@code rows} (the table's rows, filtered and sorted as shown) to it in
     * {@code format}. The cells are built on the background executor with the file.
     */
    public void export(ReportFormat format, List<StockRowViewModel> rows) {
        List<BoardRow> board = new ArrayList<>(rows.size());
        rows.forEach(r -> board.add(r.row()));
        List<String> headers = new ArrayList<>();
        for (String column : StockTable.columns()) {
            headers.add(messages.get("stock.export.column." + column));
        }
        String base = messages.get("stock.export.fileName") + "-" + LocalDate.now(clock.withZone(BeijingTime.ZONE));
        export.export(format, base, (f, out) -> {
            Set<String> blocked = flags.read().blockedPairs(clock.instant());
            List<List<Object>> cells = StockTable.rows(board, blocked, Formats::beijingTime);
            // Yes/no in the window's language; the command line writes true/false like its JSON.
            cells.forEach(row -> row.replaceAll(c -> c instanceof Boolean b
                    ? messages.get(b ? "stock.export.blocked.yes" : "stock.export.blocked.no") : c));
            exports.exportTable(messages.get("stock.export.title"), headers, cells, f, messages.locale(), out);
        });
    }

    /** Busy, saved, failed: what the screen says about the last export. */
    public ExportViewModel state() {
        return export;
    }

    /**
     * {@code rows} as the table shows them, one line each, cells separated by tabs: seller SKU, name,
     * warehouse, the seven buckets, TikTok's returns pool, TikTok available and the gap. Numbers plain (no
     * grouping, so a spreadsheet reads them as numbers), unknown an empty cell, text on one line and never
     * a formula.
     */
    public static String tsv(List<StockRowViewModel> rows) {
        StringBuilder out = new StringBuilder();
        for (StockRowViewModel r : rows) {
            List<Object> cells = new ArrayList<>();
            cells.add(r.sellerSku());
            cells.add(r.name());
            cells.add(r.warehouseLabel());
            for (Bucket b : Bucket.values()) {
                cells.add(r.bucket(b));
            }
            cells.add(r.returnsPool());
            cells.add(r.tiktokAvailable());
            cells.add(r.gap());
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.append('\t');
                }
                Object v = cells.get(i);
                if (v instanceof String s) {
                    out.append(SpreadsheetText.neutralise(s.replaceAll("[\\t\\r\\n]+", " ").strip()));
                } else if (v != null) {
                    out.append(v);
                }
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
