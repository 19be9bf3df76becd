package com.stocklens.imports;

import com.stocklens.domain.Bucket;
import com.stocklens.domain.Quantity;
import com.stocklens.domain.StockLevel;
import com.stocklens.service.ColumnMapping;
import com.stocklens.service.ImportCheck;
import com.stocklens.service.ImportError;
import com.stocklens.service.ImportField;
import com.stocklens.service.ImportProblem;
import com.stocklens.service.ImportedRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Judges a stock file under a {@link ColumnMapping}, all or nothing: a file is valid only when every row is;
 * otherwise the check lists every problem, row by row, and carries no rows. The rows are judged as they stream
 * in ({@link SheetReader#stream}): only the valid rows themselves are kept, never the file.
 *
 * <p>Decisions a seller can rely on:
 * <ul>
 *   <li>the SKU column is required; a remembered or chosen column missing from the file rejects it;</li>
 *   <li>at least one bucket must be mapped; an unmapped bucket is unknown (—) for every row;</li>
 *   <li>a blank cell in a mapped bucket, or "-" / "—", is unknown for that row, never 0 (warehouses leave
 *       cells empty for what they do not count); anything else must be a quantity by the one rule of
 *       {@link Quantity} — a whole number from 0 to 2,147,483,647 ("1,234" and "12.0" are accepted, "12.7" is
 *       not a whole number);</li>
 *   <li>a SKU must be non-blank, at most 200 characters, without control characters, not an Excel
 *       error ({@code #N/A}) or formula, and not mangled into scientific notation ({@code 6.9E+12});</li>
 *   <li>a SKU may appear once per file;</li>
 *   <li>rows that are entirely blank are skipped;</li>
 *   <li>a file of more than {@value #MAX_ROWS} stock rows is refused when its row {@value #MAX_ROWS} + 1 is
 *       reached, without reading on (split it, or import a warehouse's sheet per region).</li>
 * </ul>
 * Row numbers are the ones Excel shows (the first row of the file is 1).
 */
public final class StockFileValidator {
    /** The most stock rows one file may have. */
    public static final int MAX_ROWS = 200_000;
    static final int MAX_SKU_LENGTH = 200;
    /** The store's barcode column; a cut barcode would name another product, so a longer one is refused. */
    static final int MAX_BARCODE_LENGTH = 40;
    private static final int HEADER_SEARCH_ROWS = 20;
    private static final Pattern SCIENTIFIC = Pattern.compile("[+-]?\\d+(\\.\\d+)?[eE][+-]?\\d+");
    private static final Pattern THOUSANDS = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    private StockFileValidator() {
    }

    /** The header's index in {@code sheet.rows()}, or -1: the first row naming a SKU column, else the first row of two or more cells. */
    public static int headerIndex(Sheet sheet) {
        return headerIndex(sheet.rows());
    }

    private static int headerIndex(List<List<String>> rows) {
        int limit = Math.min(rows.size(), HEADER_SEARCH_ROWS);
        for (int i = 0; i < limit; i++) {
            if (rows.get(i).stream().anyMatch(HeaderSuggestions::looksLikeSku)) {
                return i;
            }
        }
        for (int i = 0; i < limit; i++) {
            if (rows.get(i).stream().filter(c -> c != null && !c.isBlank()).count() >= 2) {
                return i;
            }
        }
        return -1;
    }

    /** The header texts (trimmed) of the header row, or an empty list. */
    public static List<String> headers(Sheet sheet) {
        int h = headerIndex(sheet);
        return h < 0 ? List.of() : trimmed(sheet.rows().get(h));
    }

    private static List<String> trimmed(List<String> row) {
        return row.stream().map(c -> c == null ? "" : c.strip()).toList();
    }

    /** Judges a whole sheet under {@code mapping}. */
    public static ImportCheck check(Sheet sheet, String fileName, Instant fileTime, ColumnMapping mapping) {
        Judge judge = new Judge(fileName, fileTime, h -> mapping);
        for (List<String> row : sheet.rows()) {
            if (!judge.row(row)) {
                break;
            }
        }
        return judge.result(sheet.encoding());
    }

    /**
     * Reads and judges a file as it streams in.
     *
     * @param mappingFor the mapping to judge by, given the header texts once the header row is found
     */
    static ImportCheck check(FileBytes file, String fileName, Instant fileTime,
                             Function<List<String>, ColumnMapping> mappingFor) throws UnreadableFileException {
        Judge judge = new Judge(fileName, fileTime, mappingFor);
        String encoding = SheetReader.stream(file, judge::row);
        return judge.result(encoding);
    }

    /** The judging of one file, row by row: a header search over the first rows, then each data row. */
    private static final class Judge {
        private final String fileName;
        private final Instant fileTime;
        private final Function<List<String>, ColumnMapping> mappingFor;
        private final List<List<String>> head = new ArrayList<>();
        private final List<List<String>> preview = new ArrayList<>();
        private final List<ImportedRow> rows = new ArrayList<>();
        private final List<ImportError> errors = new ArrayList<>();
        private final Map<String, Integer> seen = new HashMap<>();
        private final Map<ImportField, Integer> columns = new EnumMap<>(ImportField.class);
        private List<String> headers = List.of();
        private ColumnMapping mapping = ColumnMapping.empty();
        private int headerRow;
        private int rowNumber;
        private int dataRows;
        private boolean headerFound;
        private boolean judging;

        Judge(String fileName, Instant fileTime, Function<List<String>, ColumnMapping> mappingFor) {
            this.fileName = fileName;
            this.fileTime = fileTime;
            this.mappingFor = mappingFor;
        }

        /** One row of the file; false when reading can stop. */
        boolean row(List<String> cells) {
            rowNumber++;
            if (!headerFound) {
                head.add(List.copyOf(cells));
                boolean sku = cells.stream().anyMatch(HeaderSuggestions::looksLikeSku);
                if (sku || head.size() >= HEADER_SEARCH_ROWS) {
                    return findHeader();
                }
                return true;
            }
            return data(cells, rowNumber);
        }

        /** Decides the header among the rows seen so far and judges the rows after it. */
        private boolean findHeader() {
            headerFound = true;
            int h = headerIndex(head);
            if (h < 0) {
                return false;
            }
            headerRow = h + 1;
            headers = trimmed(head.get(h));
            mapping = mappingFor.apply(headers);
            start();
            for (int i = h + 1; i < head.size(); i++) {
                if (!data(head.get(i), i + 1)) {
                    return false;
                }
            }
            head.clear();
            return true;
        }

        private void start() {
            if (mapping.header(ImportField.SKU) == null) {
                errors.add(new ImportError(headerRow, ImportField.SKU.name(), ImportProblem.MISSING_COLUMN, null));
            }
            for (Map.Entry<ImportField, String> e : mapping.columns().entrySet()) {
                int index = indexOf(headers, e.getValue());
                if (index < 0) {
                    errors.add(new ImportError(headerRow, e.getValue(), ImportProblem.MISSING_COLUMN, null));
                } else {
                    columns.put(e.getKey(), index);
                }
            }
            if (mapping.columns().keySet().stream().noneMatch(f -> f.bucket() != null)) {
                errors.add(new ImportError(headerRow, null, ImportProblem.NO_QUANTITY_COLUMN, null));
            }
            judging = errors.isEmpty();
        }

        private boolean data(List<String> row, int excelRow) {
            if (Sheet.isBlank(row)) {
                return true;
            }
            dataRows++;
            if (dataRows > MAX_ROWS) {
                errors.clear();
                rows.clear();
                errors.add(new ImportError(excelRow, null, ImportProblem.TOO_MANY_ROWS,
                        "more than " + String.format("%,d", MAX_ROWS)));
                judging = false;
                return false;
            }
            if (preview.size() < ImportCheck.PREVIEW_ROWS) {
                preview.add(row.stream().map(c -> Sheet.FORMULA_WITHOUT_VALUE.equals(c) ? "#?" : c).toList());
            }
            if (judging && errors.size() < ImportCheck.MAX_ERRORS) {
                judge(row, excelRow);
            }
            return true;
        }

        private void judge(List<String> row, int excelRow) {
            int before = errors.size();
            String skuHeader = headers.get(columns.get(ImportField.SKU));
            String sku = Sheet.cell(row, columns.get(ImportField.SKU)).strip();
            if (sku.isEmpty()) {
                errors.add(new ImportError(excelRow, skuHeader, ImportProblem.SKU_MISSING, null));
            } else if (!validSku(sku)) {
                errors.add(new ImportError(excelRow, skuHeader, ImportProblem.SKU_FORMAT, shorten(sku)));
            } else {
                Integer first = seen.putIfAbsent(sku, excelRow);
                if (first != null) {
                    errors.add(new ImportError(excelRow, skuHeader, ImportProblem.DUPLICATE_SKU,
                            shorten(sku) + ", also on row " + first));
                }
            }
            String barcode = null;
            Integer barcodeColumn = columns.get(ImportField.BARCODE);
            if (barcodeColumn != null) {
                String b = Sheet.cell(row, barcodeColumn).strip();
                if (Sheet.FORMULA_WITHOUT_VALUE.equals(b)) {
                    errors.add(new ImportError(excelRow, headers.get(barcodeColumn), ImportProblem.FORMULA, null));
                } else if (b.length() > MAX_BARCODE_LENGTH) {
                    errors.add(new ImportError(excelRow, headers.get(barcodeColumn), ImportProblem.BARCODE_TOO_LONG,
                            shorten(b)));
                } else if (!b.isEmpty()) {
                    barcode = b;
                }
            }
            Map<Bucket, Integer> values = new EnumMap<>(Bucket.class);
            for (Map.Entry<ImportField, Integer> e : columns.entrySet()) {
                Bucket bucket = e.getKey().bucket();
                if (bucket == null) {
                    continue;
                }
                String raw = Sheet.cell(row, e.getValue());
                Parsed p = quantity(raw);
                if (p.problem != null) {
                    errors.add(new ImportError(excelRow, headers.get(e.getValue()), p.problem,
                            p.problem == ImportProblem.FORMULA ? null : shorten(raw.strip())));
                } else {
                    values.put(bucket, p.value);
                }
            }
            if (errors.size() == before) {
                rows.add(new ImportedRow(excelRow, sku, barcode, StockLevel.of(values)));
            }
        }

        ImportCheck result(String encoding) {
            if (!headerFound) {
                findHeader();
            }
            if (headerRow == 0 && !errors.stream().anyMatch(e -> e.problem() == ImportProblem.TOO_MANY_ROWS)) {
                return new ImportCheck(fileName, fileTime, encoding, 0, List.of(), List.of(), mapping, List.of(),
                        List.of(new ImportError(0, null, ImportProblem.NO_HEADER, null)), 0);
            }
            List<ImportError> all = new ArrayList<>(errors);
            if (all.isEmpty() && dataRows == 0) {
                all.add(new ImportError(0, null, ImportProblem.NO_ROWS, null));
            }
            if (all.size() > ImportCheck.MAX_ERRORS) {
                all = all.subList(0, ImportCheck.MAX_ERRORS);
            }
            return new ImportCheck(fileName, fileTime, encoding, headerRow, headers, preview, mapping,
                    all.isEmpty() ? rows : List.of(), all, dataRows);
        }
    }

    private static int indexOf(List<String> headers, String header) {
        int i = headers.indexOf(header.strip());
        if (i >= 0) {
            return i;
        }
        for (int k = 0; k < headers.size(); k++) {
            if (headers.get(k).equalsIgnoreCase(header.strip())) {
                return k;
            }
        }
        return -1;
    }

    static boolean validSku(String sku) {
        if (sku.length() > MAX_SKU_LENGTH || sku.startsWith("=") || sku.startsWith("#")
                || SCIENTIFIC.matcher(sku).matches() || Sheet.FORMULA_WITHOUT_VALUE.equals(sku)) {
            return false;
        }
        return sku.chars().noneMatch(Character::isISOControl);
    }

    private record Parsed(Integer value, ImportProblem problem) {
    }

    static Integer parseQuantity(String raw) {
        Parsed p = quantity(raw);
        if (p.problem != null) {
            throw new IllegalArgumentException(p.problem.english());
        }
        return p.value;
    }

    /** A cell by the file's conventions (blank or a dash is unknown, "1,234" has a thousands separator), then by {@link Quantity}. */
    private static Parsed quantity(String raw) {
        if (Sheet.FORMULA_WITHOUT_VALUE.equals(raw)) {
            return new Parsed(null, ImportProblem.FORMULA);
        }
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty() || s.equals("-") || s.equals("—") || s.equals("–")) {
            return new Parsed(null, null);
        }
        if (THOUSANDS.matcher(s).matches()) {
            s = s.replace(",", "");
        }
        Quantity.Checked c = Quantity.parse(s);
        if (c.ok()) {
            return new Parsed(c.value(), null);
        }
        return new Parsed(null, switch (c.problem()) {
            case NEGATIVE -> ImportProblem.NEGATIVE;
            case TOO_LARGE -> ImportProblem.TOO_LARGE;
            case FRACTION, NOT_A_NUMBER -> ImportProblem.NOT_A_NUMBER;
        });
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "…";
    }
}
