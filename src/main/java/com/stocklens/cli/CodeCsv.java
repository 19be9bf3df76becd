package com.stocklens.cli;

import com.stocklens.domain.CodeRecord;
import com.stocklens.support.FileReasons;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the three-code CSV of {@code codes check FILE}: a header row naming the columns
 * {@code tiktok_sku, seller_sku, barcode, warehouse, wms_sku} (any order, any case, other columns
 * ignored), then one link per row. RFC 4180 quoting ({@code "a,b"}, {@code ""} for a quote, line breaks
 * inside quotes). UTF-8 with or without BOM; a file that is not valid UTF-8 is read as GBK, because
 * Excel on a Chinese Windows saves CSV that way.
 */
public final class CodeCsv {
    /** The required columns, in the order docs/cli.md lists them. */
    public static final List<String> COLUMNS = List.of("tiktok_sku", "seller_sku", "barcode", "warehouse", "wms_sku");
    /** The largest file read: a sheet of 200,000 links is some 20 MB. Larger ones are refused before reading. */
    public static final long MAX_BYTES = 32L << 20;
    /** The most links (rows) one file may hold. */
    public static final int MAX_LINKS = 200_000;

    private CodeCsv() {
    }

    /** The file cannot be used: unreadable, no header, or a required column missing. The message says which. */
    public static final class InvalidFileException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidFileException(String message) {
            super(message);
        }

        InvalidFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Reads the file; each record carries the 1-based line its row starts on (the header is line 1). */
    public static List<CodeRecord> read(Path file) throws InvalidFileException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                // Refused before reading: a 2 GB file once ended in OutOfMemoryError.
                throw new InvalidFileException(file + " is " + (size >> 20) + " MB, larger than a three-code sheet "
                        + "can be (" + (MAX_BYTES >> 20) + " MB, about " + String.format("%,d", MAX_LINKS)
                        + " links); split it.");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidFileException("Cannot read " + file + ": " + FileReasons.of(e) + ".", e);
        }
        return parse(decode(bytes), file.toString());
    }

    /** UTF-8 (a BOM dropped) when the bytes are valid UTF-8, else GBK. */
    static String decode(byte[] bytes) throws InvalidFileException {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return strict(StandardCharsets.UTF_8).decode(buffer).toString();
        } catch (CharacterCodingException notUtf8) {
            buffer.rewind().position(start);
            try {
                return strict(Charset.forName("GBK")).decode(buffer).toString();
            } catch (CharacterCodingException notGbk) {
                throw new InvalidFileException("The file is neither UTF-8 nor GBK text; save it as CSV UTF-8.", notGbk);
            }
        }
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Parses CSV text; {@code name} only appears in messages. */
    static List<CodeRecord> parse(String text, String name) throws InvalidFileException {
        List<Row> rows = rows(text, name);
        int headerIndex = 0;
        while (headerIndex < rows.size() && rows.get(headerIndex).isBlank()) {
            headerIndex++;
        }
        if (headerIndex == rows.size()) {
            throw new InvalidFileException(name + " is empty: expected a header row with the columns "
                    + String.join(",", COLUMNS) + ".");
        }
        Row header = rows.get(headerIndex);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.fields.size(); i++) {
            index.putIfAbsent(header.fields.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = COLUMNS.stream().filter(c -> !index.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidFileException(name + ": the header (line " + header.line + ") has no column "
                    + String.join(", ", missing) + "; required: " + String.join(",", COLUMNS) + ".");
        }
        List<CodeRecord> records = new ArrayList<>();
        for (Row row : rows.subList(headerIndex + 1, rows.size())) {
            if (row.isBlank()) {
                continue; // trailing empty lines and spreadsheet rows of empty cells
            }
            if (records.size() == MAX_LINKS) {
                throw new InvalidFileException(name + " has more than " + String.format("%,d", MAX_LINKS)
                        + " links (line " + row.line + "); split it.");
            }
            records.add(new CodeRecord(row.line, row.get(index.get("tiktok_sku")), row.get(index.get("seller_sku")),
                    row.get(index.get("barcode")), row.get(index.get("warehouse")), row.get(index.get("wms_sku"))));
        }
        return records;
    }

    private record Row(int line, List<String> fields) {
        boolean isBlank() {
            return fields.stream().allMatch(String::isBlank);
        }

        /** A short row lacks its last cells: they are blank, which the check reports as missing. */
        String get(int i) {
            return i < fields.size() ? fields.get(i) : "";
        }
    }

    /** Splits RFC 4180 text into rows; values are kept as written, spaces included (the check judges them). */
    private static List<Row> rows(String text, String name) throws InvalidFileException {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowStart = 1;
        int quoteStart = 0;
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    quoteStart = line;
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                }
                case '\r' -> {
                    // the \n that follows ends the row; a lone \r (old Mac) ends it too
                    if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                        fields.add(field.toString());
                        field.setLength(0);
                        rows.add(new Row(rowStart, List.copyOf(fields)));
                        fields.clear();
                        line++;
                        rowStart = line;
                    }
                }
                case '\n' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    rows.add(new Row(rowStart, List.copyOf(fields)));
                    fields.clear();
                    line++;
                    rowStart = line;
                }
                default -> field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new InvalidFileException(name + ": the quote opened on line " + quoteStart + " is never closed.");
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            rows.add(new Row(rowStart, List.copyOf(fields)));
        }
        return rows;
    }
}
