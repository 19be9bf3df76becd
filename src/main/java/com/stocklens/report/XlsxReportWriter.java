package com.stocklens.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes tables to an XLSX workbook, one sheet per table: numbers as real numeric cells (so a seller
 * can sum and chart them), the header row frozen, columns sized to their content.
 */
public final class XlsxReportWriter {
    /** Excel's limit is 255 characters of width; long "working" texts stop at this many. */
    private static final int MAX_COLUMN_CHARS = 80;

    /** Writes one sheet per table to {@code out} (not closed). */
    public void write(List<Table> tables, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            DataFormat fmt = wb.createDataFormat();
            CellStyle integer = wb.createCellStyle();
            integer.setDataFormat(fmt.getFormat("#,##0"));
            CellStyle decimal = wb.createCellStyle();
            decimal.setDataFormat(fmt.getFormat("#,##0.00"));
            for (Table t : tables) {
                Sheet sheet = wb.createSheet(WorkbookUtil.createSafeSheetName(t.title()));
                int[] widths = new int[t.headers().size()];
                Row h = sheet.createRow(0);
                for (int c = 0; c < t.headers().size(); c++) {
                    Cell cell = h.createCell(c);
                    cell.setCellValue(t.headers().get(c));
                    cell.setCellStyle(header);
                    widths[c] = displayWidth(t.headers().get(c));
                }
                int r = 1;
                for (List<Object> row : t.rows()) {
                    Row x = sheet.createRow(r++);
                    for (int c = 0; c < row.size(); c++) {
                        Object v = row.get(c);
                        if (v == null) {
                            continue; // unknown stays an empty cell, never 0
                        }
                        Cell cell = x.createCell(c);
                        if (v instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                            boolean whole = n instanceof Integer || n instanceof Long;
                            cell.setCellStyle(whole ? integer : decimal);
                            widths[c] = Math.max(widths[c], n.toString().length());
                        } else {
                            String s = v.toString();
                            cell.setCellValue(s);
                            widths[c] = Math.max(widths[c], displayWidth(s));
                        }
                    }
                }
                // Frozen header: the column names stay visible while scrolling a thousand SKUs.
                sheet.createFreezePane(0, 1);
                for (int c = 0; c < widths.length; c++) {
                    sheet.setColumnWidth(c, Math.min(MAX_COLUMN_CHARS, widths[c] + 2) * 256);
                }
            }
            wb.write(out);
        }
    }

    /** CJK characters take two columns in Excel's width unit. */
    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) >= 0x2E80 ? 2 : 1;
        }
        return w;
    }
}
