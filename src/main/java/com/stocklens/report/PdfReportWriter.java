package com.stocklens.report;

import com.stocklens.domain.CodeCheckResult;
import com.stocklens.domain.HealthFigure;
import com.stocklens.domain.HealthIndicator;
import com.stocklens.domain.HealthReport;
import com.stocklens.domain.Verdict;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Writes the health report and the code check as PDF (A4 landscape): title, period, the indicators
 * with their verdicts in colour, a bar chart of the age structure drawn with the PDF graphics API
 * (vector, no JavaFX), and the tables. All text, blank lines included, uses the one font of
 * {@link CjkFonts}, embedded: the PDF names no font a reader must have.
 */
public final class PdfReportWriter {
    private static final Color HEALTHY = new Color(0x2E, 0x7D, 0x32);
    private static final Color UNHEALTHY = new Color(0xC6, 0x28, 0x28);
    private static final Color INFO = new Color(0x42, 0x42, 0x42);
    private static final Color UNKNOWN = new Color(0x9E, 0x9E, 0x9E);
    private static final Color HEADER = new Color(0xEE, 0xEE, 0xEE);
    private static final Color BAR = new Color(0x15, 0x65, 0xC0);
    /** A PDF of 1000 SKUs stays readable; the XLSX has every row. */
    static final int MAX_SKU_ROWS = 500;

    /** Writes the health report to {@code out} (not closed). */
    public void writeHealth(HealthReport r, Labels l, OutputStream out) throws IOException {
        BaseFont base = CjkFonts.load();
        Document doc = new Document(PageSize.A4.rotate(), 30, 30, 30, 30);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setCloseStream(false);
            doc.addTitle(l.get("title.health"));
            doc.open();
            doc.add(new Paragraph(l.get("title.health"), new Font(base, 18, Font.BOLD)));
            doc.add(new Paragraph(l.get("period") + ": " + r.from() + " — " + r.to(), new Font(base, 11)));
            doc.add(spacer(base));
            doc.add(indicators(r.overall(), l, base));
            doc.add(spacer(base));
            doc.add(new Paragraph(l.get("chart.age"), new Font(base, 12, Font.BOLD)));
            doc.add(ageChart(writer, r, l, base));
            List<Table> tables = ReportTables.health(r, l);
            for (Table t : tables.subList(1, tables.size())) {
                doc.newPage();
                doc.add(new Paragraph(t.title(), new Font(base, 14, Font.BOLD)));
                doc.add(spacer(base));
                doc.add(table(t, base, t.rows().size() > MAX_SKU_ROWS ? MAX_SKU_ROWS : t.rows().size()));
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IOException("cannot write the PDF: " + e.getMessage(), e);
        }
    }

    /** Writes one titled table on landscape pages to {@code out} (not closed). */
    public void writeTable(String title, Table t, OutputStream out) throws IOException {
        BaseFont base = CjkFonts.load();
        Document doc = new Document(PageSize.A4.rotate(), 30, 30, 30, 30);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setCloseStream(false);
            doc.addTitle(title);
            doc.open();
            doc.add(new Paragraph(title, new Font(base, 16, Font.BOLD)));
            doc.add(spacer(base));
            doc.add(table(t, base, t.rows().size()));
            doc.close();
        } catch (DocumentException e) {
            throw new IOException("cannot write the PDF: " + e.getMessage(), e);
        }
    }

    /** Writes the code check to {@code out} (not closed). */
    public void writeCodeCheck(CodeCheckResult c, Labels l, OutputStream out) throws IOException {
        BaseFont base = CjkFonts.load();
        Document doc = new Document(PageSize.A4.rotate(), 30, 30, 30, 30);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setCloseStream(false);
            doc.addTitle(l.get("title.codeCheck"));
            doc.open();
            doc.add(new Paragraph(l.get("title.codeCheck"), new Font(base, 18, Font.BOLD)));
            doc.add(spacer(base));
            for (Table t : ReportTables.codeCheck(c, l)) {
                doc.add(new Paragraph(t.title(), new Font(base, 12, Font.BOLD)));
                doc.add(t.rows().isEmpty() ? new Paragraph(l.get("noFindings"), new Font(base, 10))
                        : table(t, base, t.rows().size()));
                doc.add(spacer(base));
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IOException("cannot write the PDF: " + e.getMessage(), e);
        }
    }

    private static PdfPTable indicators(List<HealthFigure> figures, Labels l, BaseFont base) {
        PdfPTable t = new PdfPTable(new float[] {3, 1.3f, 1.2f, 1.5f, 8, 2});
        t.setWidthPercentage(100);
        for (String h : List.of("col.indicator", "col.value", "col.band", "col.verdict", "col.working",
                "col.coverage")) {
            t.addCell(headerCell(l.get(h), base));
        }
        Font plain = new Font(base, 9);
        for (HealthFigure f : figures) {
            t.addCell(new PdfPCell(new Phrase(l.indicator(f.indicator()), plain)));
            t.addCell(new PdfPCell(new Phrase(f.value() == null ? "—" : format(f.value()), plain)));
            t.addCell(new PdfPCell(new Phrase(l.band(f.indicator(), f.band()), plain)));
            t.addCell(new PdfPCell(new Phrase(l.verdict(f.verdict()), new Font(base, 9, Font.BOLD, colour(f.verdict())))));
            t.addCell(new PdfPCell(new Phrase(l.words(f.working()), new Font(base, 8))));
            t.addCell(new PdfPCell(new Phrase(l.coverage(f.coverage()), new Font(base, 8))));
        }
        return t;
    }

    /**
     * Bars of the over-180-day share, overall and per warehouse, with the band as a dashed line: the
     * report carries the share per scope, which is what the band judges.
     */
    private static Image ageChart(PdfWriter writer, HealthReport r, Labels l, BaseFont base) throws DocumentException {
        // Each bar is over the units of known age; its label says how many units that is.
        Map<String, Double> bars = new LinkedHashMap<>();
        bars.put(l.get("scope.overall") + known(r.overall(), l), share(r.overall()));
        ReportTables.byWarehouseName(r).forEach((w, fs) -> bars.put(w + known(fs, l), share(fs)));
        float width = 760;
        float height = 170;
        float left = 40;
        float bottom = 30;
        float plotH = height - bottom - 15;
        double band = r.bands().over180ShareMax();
        double max = Math.max(band * 2, 10);
        for (Double v : bars.values()) {
            if (v != null) {
                max = Math.max(max, v);
            }
        }
        PdfTemplate tpl = writer.getDirectContent().createTemplate(width, height);
        tpl.setColorStroke(Color.GRAY);
        tpl.moveTo(left, bottom);
        tpl.lineTo(width - 10, bottom);
        tpl.moveTo(left, bottom);
        tpl.lineTo(left, height - 10);
        tpl.stroke();
        int n = bars.size();
        float slot = (width - left - 20) / Math.max(1, n);
        float barW = Math.min(60, slot * 0.6f);
        int i = 0;
        for (Map.Entry<String, Double> e : bars.entrySet()) {
            float x = left + 10 + i * slot + (slot - barW) / 2;
            Double v = e.getValue();
            if (v != null) {
                float h = (float) (v / max * plotH);
                tpl.setColorFill(v < band ? HEALTHY : UNHEALTHY);
                tpl.rectangle(x, bottom, barW, Math.max(h, 0.5f));
                tpl.fill();
                text(tpl, base, 8, Color.BLACK, format(v) + " %", x + barW / 2, bottom + h + 3);
            } else {
                text(tpl, base, 8, UNKNOWN, l.verdict(Verdict.UNKNOWN), x + barW / 2, bottom + 3);
            }
            text(tpl, base, 7, Color.BLACK, e.getKey(), x + barW / 2, bottom - 12);
            i++;
        }
        float y = bottom + (float) (band / max * plotH);
        tpl.setColorStroke(UNHEALTHY);
        tpl.setLineDash(4, 3);
        tpl.moveTo(left, y);
        tpl.lineTo(width - 10, y);
        tpl.stroke();
        tpl.setLineDash(0);
        text(tpl, base, 8, UNHEALTHY, l.get("chart.band") + " " + l.band(HealthIndicator.OVER_180_SHARE, band),
                left + 30, y + 3);
        Image img = Image.getInstance(tpl);
        img.setAlignment(Element.ALIGN_LEFT);
        return img;
    }

    private static void text(PdfContentByte cb, BaseFont base, float size, Color c, String s, float x, float y) {
        cb.beginText();
        cb.setColorFill(c);
        cb.setFontAndSize(base, size);
        cb.showTextAligned(Element.ALIGN_CENTER, s, x, y, 0);
        cb.endText();
    }

    /** " (72 %)": the share of units whose age is known, when not all of them; "" otherwise. */
    private static String known(List<HealthFigure> figures, Labels l) {
        for (HealthFigure f : figures) {
            if (f.indicator() == HealthIndicator.OVER_180_SHARE && f.coverage() != null
                    && f.coverage().unitPercent() != null && f.coverage().unitPercent() < 100) {
                return " (" + l.get("chart.ageKnown") + " "
                        + String.format(Locale.ROOT, "%.0f", f.coverage().unitPercent()) + " %)";
            }
        }
        return "";
    }

    private static Double share(List<HealthFigure> figures) {
        for (HealthFigure f : figures) {
            if (f.indicator() == HealthIndicator.OVER_180_SHARE) {
                return f.value();
            }
        }
        return null;
    }

    private static PdfPTable table(Table t, BaseFont base, int maxRows) {
        PdfPTable p = new PdfPTable(t.headers().size());
        p.setWidthPercentage(100);
        p.setHeaderRows(1); // repeated on every page
        for (String h : t.headers()) {
            p.addCell(headerCell(h, base));
        }
        Font plain = new Font(base, 8);
        List<List<Object>> rows = new ArrayList<>(t.rows().subList(0, maxRows));
        for (List<Object> row : rows) {
            for (Object v : row) {
                PdfPCell cell = new PdfPCell(new Phrase(v == null ? "—" : v instanceof Double d ? format(d)
                        : v instanceof Integer || v instanceof Long ? String.format(Locale.ROOT, "%,d", v)
                        : v.toString(), plain));
                if (v instanceof Number) {
                    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                }
                p.addCell(cell);
            }
        }
        return p;
    }

    /** An empty line in the document's own font: a bare {@code Paragraph(" ")} would add Helvetica, not embedded. */
    private static Paragraph spacer(BaseFont base) {
        return new Paragraph(" ", new Font(base, 11));
    }

    private static PdfPCell headerCell(String text, BaseFont base) {
        PdfPCell c = new PdfPCell(new Phrase(text, new Font(base, 9, Font.BOLD)));
        c.setBackgroundColor(HEADER);
        return c;
    }

    private static Color colour(Verdict v) {
        return switch (v) {
            case HEALTHY -> HEALTHY;
            case UNHEALTHY -> UNHEALTHY;
            case INFO -> INFO;
            case UNKNOWN, INSUFFICIENT_HISTORY -> UNKNOWN;
        };
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }
}
