package com.stocklens.imports;

import com.stocklens.service.ImportProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The first sheet of an XLSX workbook as a stream of rows, read from the sheet's XML as events (no workbook
 * model in memory: a sheet of a million rows costs what one row costs, plus the shared strings). Cell values
 * as the workbook saved them: numbers as plain text ({@link SheetReader#number}), date-formatted numbers as
 * date-times, booleans as TRUE / FALSE, a formula by its cached value, and a formula without one (or an error
 * value) as {@link Sheet#FORMULA_WITHOUT_VALUE}: StockLens never evaluates content from outside.
 */
final class XlsxRows {
    private XlsxRows() {
    }

    /** Thrown through the parser when the sink says stop. */
    private static final class Stop extends SAXException {
        private static final long serialVersionUID = 1L;
    }

    static void stream(FileBytes file, RowSink sink) throws UnreadableFileException {
        Path path = file.path();
        try (OPCPackage pkg = path != null ? OPCPackage.open(path.toFile(), PackageAccess.READ)
                : OPCPackage.open(file.open())) {
            XSSFReader reader = new XSSFReader(pkg);
            SharedStrings strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new Handler(strings, styles, sink));
                xml.parse(new InputSource(sheet));
            }
        } catch (Stop stopped) {
            // the sink has what it needs
        } catch (IOException | SAXException | ParserConfigurationException | RuntimeException e) {
            // POI signals a broken or hostile package (zip bomb, bad XML) with runtime exceptions too.
            throw new UnreadableFileException(ImportProblem.UNREADABLE, "not a readable XLSX workbook", e);
        } catch (Exception e) {
            throw new UnreadableFileException(ImportProblem.UNREADABLE, "not a readable XLSX workbook", e);
        }
    }

    /** The sheet XML's rows ({@code <row r>}), cells ({@code <c r t s>}), values ({@code <v>}, {@code <is><t>}). */
    private static final class Handler extends DefaultHandler {
        private final SharedStrings strings;
        private final StylesTable styles;
        private final RowSink sink;
        private final StringBuilder text = new StringBuilder();
        private List<String> cells = new ArrayList<>();
        private int nextRow;
        private int column;
        private String type;
        private int style;
        private boolean formula;
        private boolean inValue;
        private boolean inInline;
        private String value;
        private StringBuilder inline;

        Handler(SharedStrings strings, StylesTable styles, RowSink sink) {
            this.strings = strings;
            this.styles = styles;
            this.sink = sink;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            switch (localName) {
                case "row" -> {
                    String r = atts.getValue("r");
                    int index = r == null ? nextRow : Integer.parseInt(r) - 1;
                    // Rows the XML leaves out are blank rows.
                    while (nextRow < index) {
                        emit(List.of());
                    }
                    cells = new ArrayList<>();
                }
                case "c" -> {
                    String ref = atts.getValue("r");
                    column = ref == null ? cells.size() : new CellReference(ref).getCol();
                    type = atts.getValue("t");
                    String s = atts.getValue("s");
                    style = s == null ? -1 : Integer.parseInt(s);
                    formula = false;
                    value = null;
                    inline = null;
                }
                case "f" -> formula = true;
                case "v" -> {
                    inValue = true;
                    text.setLength(0);
                }
                case "is" -> {
                    inInline = true;
                    inline = new StringBuilder();
                }
                case "t" -> text.setLength(0);
                default -> {
                    // other elements carry nothing a stock file needs
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (text.length() + length > SheetReader.MAX_ROW_CHARS) {
                throw new SAXException("a cell longer than any stock file's");
            }
            text.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (localName) {
                case "v" -> {
                    value = text.toString();
                    inValue = false;
                }
                case "t" -> {
                    if (inInline) {
                        inline.append(text);
                    }
                }
                case "is" -> inInline = false;
                case "c" -> {
                    while (cells.size() < column) {
                        cells.add("");
                    }
                    cells.add(cellText());
                }
                case "row" -> emit(cells);
                default -> {
                    // nothing to do
                }
            }
            if (!inValue && !inInline && !"t".equals(localName)) {
                text.setLength(0);
            }
        }

        private void emit(List<String> row) throws Stop {
            nextRow++;
            if (!sink.row(row)) {
                throw new Stop();
            }
        }

        private String cellText() {
            String t = type == null ? "n" : type;
            switch (t) {
                case "s" -> {
                    return value == null ? "" : strings.getItemAt(Integer.parseInt(value.strip())).getString();
                }
                case "inlineStr" -> {
                    return inline == null ? "" : inline.toString();
                }
                case "b" -> {
                    return value == null ? "" : "1".equals(value.strip()) ? "TRUE" : "FALSE";
                }
                case "e" -> {
                    return Sheet.FORMULA_WITHOUT_VALUE;
                }
                case "str" -> {
                    return value == null ? Sheet.FORMULA_WITHOUT_VALUE : value;
                }
                default -> {
                    if (value == null || value.isBlank()) {
                        return formula ? Sheet.FORMULA_WITHOUT_VALUE : "";
                    }
                    double d = Double.parseDouble(value.strip());
                    if (isDate(d)) {
                        return DateUtil.getLocalDateTime(d).toString();
                    }
                    return SheetReader.number(d);
                }
            }
        }

        private boolean isDate(double d) {
            if (style < 0 || styles == null || style >= styles.getNumCellStyles()) {
                return false;
            }
            XSSFCellStyle s = styles.getStyleAt(style);
            return s != null && DateUtil.isValidExcelDate(d)
                    && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString());
        }
    }
}
