package com.stocklens.imports;

import com.stocklens.domain.Bucket;
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
import java.util.regex.Pattern;

/**
 * Judges a {@link Sheet} under a {@link ColumnMapping}, all or nothing: a file is valid only when every
 * row is; otherwise the check lists every problem, row by row, and carries no rows.
 *
 * <p>Decisions a seller can rely on:
 * <ul>
 *   <li>the SKU column is required; a remembered or chosen column missing from the file rejects it;</li>
 *   <li>at least one bucket must be mapped; an unmapped bucket is unknown (—) for every row;</li>
 *   <li>a blank cell in a mapped bucket, or "-" / "—", is unknown for that row, never 0 (warehouses leave
 *       cells empty for what they do not count); anything else must be a whole number ≥ 0 ("1,234" and
 *       "12.0" are accepted);</li>
 *   <li>a SKU must be non-blank, at most 200 characters, without control characters, not an Excel
 *       error ({@code #N/A}) or formula, and not mangled into scientific notation ({@code 6.9E+12});</li>
 *   <li>a SKU may appear once per file;</li>
 *   <li>rows that are entirely blank are skipped.</li>
 * </ul>
 * Row numbers are the ones Excel shows (the first row of the file is 1).
 */
public final class StockFileValidator {
    static final int MAX_SKU_LENGTH = 200;
    private static final int HEADER_SEARCH_ROWS = 20;
    private static final Pattern SCIENTIFIC = Pattern.compile("[+-]?\\d+(\\.\\d+)?[eE][+-]?\\d+");
    private static final Pattern THOUSANDS = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.0+)?");
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+(\\.0+)?");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d*\\.\\d+");

    private StockFileValidator() {
    }

    /** The header's index in {@code sheet.rows()}, or -1: the first row naming a SKU column, else the first row of two or more cells. */
    public static int headerIndex(Sheet sheet) {
        List<List<String>> rows = sheet.rows();
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
        return h < 0 ? List.of() : sheet.rows().get(h).stream().map(c -> c == null ? "" : c.strip()).toList();
    }

    public static ImportCheck check(Sheet sheet, String fileName, Instant fileTime, ColumnMapping mapping) {
        int h = headerIndex(sheet);
        List<ImportError> errors = new ArrayList<>();
        if (h < 0) {
            errors.add(new ImportError(0, null, ImportProblem.NO_HEADER, null));
            return new ImportCheck(fileName, fileTime, sheet.encoding(), 0, List.of(), List.of(), mapping,
                    List.of(), errors, 0);
        }
        List<String> headers = headers(sheet);
        int headerRow = h + 1;
        List<List<String>> preview = new ArrayList<>();
        int dataRows = 0;
        for (List<String> row : sheet.rows().subList(h + 1, sheet.rows().size())) {
            if (!Sheet.isBlank(row)) {
                dataRows++;
                if (preview.size() < ImportCheck.PREVIEW_ROWS) {
                    preview.add(row.stream().map(c -> Sheet.FORMULA_WITHOUT_VALUE.equals(c) ? "#?" : c).toList());
                }
            }
        }

        Map<ImportField, Integer> columns = new EnumMap<>(ImportField.class);
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
        if (!errors.isEmpty()) {
            return new ImportCheck(fileName, fileTime, sheet.encoding(), headerRow, headers, preview, mapping,
                    List.of(), errors, dataRows);
        }
        if (dataRows == 0) {
            errors.add(new ImportError(0, null, ImportProblem.NO_ROWS, null));
        }

        List<ImportedRow> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = h + 1; i < sheet.rows().size() && errors.size() < ImportCheck.MAX_ERRORS; i++) {
            List<String> row = sheet.rows().get(i);
            if (Sheet.isBlank(row)) {
                continue;
            }
            int excelRow = i + 1;
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
                            sku + ", also on row " + first));
                }
            }
            String barcode = null;
            Integer barcodeColumn = columns.get(ImportField.BARCODE);
            if (barcodeColumn != null) {
                String b = Sheet.cell(row, barcodeColumn).strip();
                if (Sheet.FORMULA_WITHOUT_VALUE.equals(b)) {
                    errors.add(new ImportError(excelRow, headers.get(barcodeColumn), ImportProblem.FORMULA, null));
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
        if (errors.size() > ImportCheck.MAX_ERRORS) {
            errors = errors.subList(0, ImportCheck.MAX_ERRORS);
        }
        return new ImportCheck(fileName, fileTime, sheet.encoding(), headerRow, headers, preview, mapping,
                errors.isEmpty() ? rows : List.of(), errors, dataRows);
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
        if (WHOLE.matcher(s).matches()) {
            String digits = s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
            long v;
            try {
                v = Long.parseLong(digits);
            } catch (NumberFormatException e) {
                return new Parsed(null, digits.startsWith("-") ? ImportProblem.NEGATIVE : ImportProblem.TOO_LARGE);
            }
            if (v < 0 || digits.startsWith("-")) {
                return v == 0 ? new Parsed(0, null) : new Parsed(null, ImportProblem.NEGATIVE);
            }
            if (v > Integer.MAX_VALUE) {
                return new Parsed(null, ImportProblem.TOO_LARGE);
            }
            return new Parsed((int) v, null);
        }
        if (DECIMAL.matcher(s).matches() && s.startsWith("-")) {
            return new Parsed(null, ImportProblem.NEGATIVE);
        }
        return new Parsed(null, ImportProblem.NOT_A_NUMBER);
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "…";
    }
}
