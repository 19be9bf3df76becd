package com.stocklens.imports;

import com.stocklens.service.ImportProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Turns the bytes of a CSV or XLSX file into a {@link Sheet}.
 *
 * <p>CSV: a BOM decides UTF-8 or UTF-16; without one the bytes are decoded as strict UTF-8 and, when
 * that fails, as GBK (Excel on a Chinese Windows saves "CSV" that way). The delimiter is the one of
 * comma, semicolon and tab that occurs most often outside quotes in the first lines. RFC 4180 quoting:
 * {@code "a,b"}, {@code ""} for a quote, line breaks inside quotes stay in the cell (one Excel row).
 *
 * <p>XLSX (recognised by its zip signature, whatever the file is called): the first sheet; numbers as
 * plain integers where whole; formulas by their cached value, never evaluated.
 */
public final class SheetReader {
    private static final Charset GBK = Charset.forName("GBK");
    private static final int DELIMITER_SAMPLE_LINES = 10;

    private SheetReader() {
    }

    public static Sheet read(byte[] bytes) throws UnreadableFileException {
        if (isZip(bytes)) {
            return readXlsx(bytes);
        }
        Decoded text = decode(bytes);
        return new Sheet(text.encoding, parseCsv(text.text, detectDelimiter(text.text)));
    }

    private static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    record Decoded(String encoding, String text) {
    }

    static Decoded decode(byte[] bytes) throws UnreadableFileException {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded("UTF-8 BOM", strictDecode(bytes, 3, StandardCharsets.UTF_8));
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded("UTF-16", strictDecode(bytes, 2, StandardCharsets.UTF_16LE));
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded("UTF-16", strictDecode(bytes, 2, StandardCharsets.UTF_16BE));
        }
        try {
            return new Decoded("UTF-8", strict(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException notUtf8) {
            return new Decoded("GBK", strictDecode(bytes, 0, GBK));
        }
    }

    private static String strictDecode(byte[] bytes, int offset, Charset charset) throws UnreadableFileException {
        try {
            return strict(charset).decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException(ImportProblem.NOT_TEXT, "not " + charset.name() + " text", e);
        }
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Comma, semicolon or tab: whichever occurs most outside quotes in the first lines; comma on a tie. */
    static char detectDelimiter(String text) {
        char[] candidates = {',', ';', '\t'};
        int[] counts = new int[candidates.length];
        boolean quoted = false;
        int lines = 0;
        for (int i = 0; i < text.length() && lines < DELIMITER_SAMPLE_LINES; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '\n') {
                lines++;
            } else if (!quoted) {
                for (int k = 0; k < candidates.length; k++) {
                    if (c == candidates[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < candidates.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return candidates[best];
    }

    /** RFC 4180 with the given delimiter; CRLF, LF and CR all end a row; an unclosed quote ends at the end. */
    static List<List<String>> parseCsv(String text, char delimiter) {
        List<List<String>> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && field.isEmpty()) {
                quoted = true;
                any = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\r' || c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                rows.add(fields);
                fields = new ArrayList<>();
                any = false;
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                field.append(c);
                any = true;
            }
            i++;
        }
        if (any || !field.isEmpty()) {
            fields.add(field.toString());
            rows.add(fields);
        }
        return rows;
    }

    private static Sheet readXlsx(byte[] bytes) throws UnreadableFileException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (book.getNumberOfSheets() == 0) {
                return new Sheet("XLSX", List.of());
            }
            XSSFSheet sheet = book.getSheetAt(0);
            List<List<String>> rows = new ArrayList<>();
            int last = sheet.getLastRowNum();
            for (int r = 0; r <= last; r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : text(cell));
                    }
                }
                rows.add(cells);
            }
            return new Sheet("XLSX", rows);
        } catch (IOException | RuntimeException e) {
            // POI signals a broken or hostile package (zip bomb, bad XML) with runtime exceptions too.
            throw new UnreadableFileException(ImportProblem.UNREADABLE, "not a readable XLSX workbook", e);
        }
    }

    private static String text(Cell cell) {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            if (cell instanceof XSSFCell x && !x.getCTCell().isSetV()) {
                return Sheet.FORMULA_WITHOUT_VALUE;
            }
            type = cell.getCachedFormulaResultType();
        }
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toString()
                    : number(cell.getNumericCellValue());
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue()).toUpperCase(Locale.ROOT);
            case ERROR -> Sheet.FORMULA_WITHOUT_VALUE;
            default -> "";
        };
    }

    /** 12.0 → "12"; 6901234567892.0 → "6901234567892" (a barcode typed as a number); 2.5 → "2.5". */
    static String number(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e18) {
            return Long.toString((long) d);
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
