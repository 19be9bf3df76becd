package com.stocklens.imports;

import com.stocklens.service.ImportProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the bytes of a CSV or XLSX file into rows, streamed one at a time ({@link #stream}): a file is never
 * held whole in memory, as bytes, text or cells.
 *
 * <p>CSV: a BOM decides UTF-8 or UTF-16; without one the bytes are decoded as strict UTF-8 (a first pass over
 * the file that keeps nothing) and, when that fails, as GBK (Excel on a Chinese Windows saves "CSV" that way).
 * The delimiter is the one of comma, semicolon and tab that occurs most often outside quotes in the first
 * lines. RFC 4180 quoting: {@code "a,b"}, {@code ""} for a quote, line breaks inside quotes stay in the cell
 * (one Excel row). A row longer than {@value #MAX_ROW_CHARS} characters (an unclosed quote swallowing the
 * file) stops the reading.
 *
 * <p>XLSX (recognised by its zip signature, whatever the file is called): the first sheet, read by
 * {@link XlsxRows} as a stream of XML events; numbers as plain integers where whole; formulas by their
 * cached value, never evaluated.
 */
public final class SheetReader {
    /** The longest row a stock file may have, in characters: far beyond any real one (a SKU is ≤ 200). */
    public static final int MAX_ROW_CHARS = 1_000_000;

    private static final Charset GBK = Charset.forName("GBK");
    private static final int DELIMITER_SAMPLE_LINES = 10;
    private static final int DELIMITER_SAMPLE_CHARS = 64 * 1024;

    private SheetReader() {
    }

    /** The whole file as a {@link Sheet} (small files and tests; imports use {@link #stream}). */
    public static Sheet read(byte[] bytes) throws UnreadableFileException {
        List<List<String>> rows = new ArrayList<>();
        String encoding = stream(FileBytes.of(bytes), rows::add);
        return new Sheet(encoding, rows);
    }

    /**
     * Hands every row of the file to {@code sink}, in order, until the file ends or the sink says stop.
     *
     * @return how the file was decoded: "UTF-8", "UTF-8 BOM", "UTF-16", "GBK" or "XLSX"
     */
    static String stream(FileBytes file, RowSink sink) throws UnreadableFileException {
        byte[] head;
        try (InputStream in = file.open()) {
            head = in.readNBytes(4);
        } catch (IOException e) {
            throw new UnreadableFileException(ImportProblem.UNREADABLE, "cannot be read", e);
        }
        if (isZip(head)) {
            XlsxRows.stream(file, sink);
            return "XLSX";
        }
        Encoding enc = encoding(file, head);
        try (InputStream in = file.open()) {
            in.skipNBytes(enc.skip);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, strict(enc.charset)),
                    DELIMITER_SAMPLE_CHARS);
            reader.mark(DELIMITER_SAMPLE_CHARS);
            char[] sample = new char[DELIMITER_SAMPLE_CHARS];
            int n = reader.read(sample, 0, sample.length);
            reader.reset();
            char delimiter = detectDelimiter(n <= 0 ? "" : new String(sample, 0, n));
            parseCsv(reader, delimiter, sink);
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException(ImportProblem.NOT_TEXT, "not " + enc.charset.name() + " text", e);
        } catch (IOException e) {
            throw new UnreadableFileException(ImportProblem.UNREADABLE, "cannot be read", e);
        }
        return enc.name;
    }

    private static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    /** How a text file is decoded: its charset, the name shown, and the BOM's bytes to skip. */
    private record Encoding(String name, Charset charset, int skip) {
    }

    private static Encoding encoding(FileBytes file, byte[] head) throws UnreadableFileException {
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            return new Encoding("UTF-8 BOM", StandardCharsets.UTF_8, 3);
        }
        if (startsWith(head, 0xFF, 0xFE)) {
            return new Encoding("UTF-16", StandardCharsets.UTF_16LE, 2);
        }
        if (startsWith(head, 0xFE, 0xFF)) {
            return new Encoding("UTF-16", StandardCharsets.UTF_16BE, 2);
        }
        try (InputStream in = file.open()) {
            return isStrictUtf8(in) ? new Encoding("UTF-8", StandardCharsets.UTF_8, 0) : new Encoding("GBK", GBK, 0);
        } catch (IOException e) {
            throw new UnreadableFileException(ImportProblem.UNREADABLE, "cannot be read", e);
        }
    }

    /** Decodes the whole stream as strict UTF-8, keeping nothing: true when every byte was valid. */
    private static boolean isStrictUtf8(InputStream in) throws IOException {
        CharsetDecoder decoder = strict(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        byte[] buffer = bytes.array();
        boolean end = false;
        while (!end) {
            int n = in.read(buffer, bytes.position(), bytes.remaining());
            end = n < 0;
            if (n > 0) {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
            CoderResult r;
            do {
                chars.clear();
                r = decoder.decode(bytes, chars, end);
                if (r.isError()) {
                    return false;
                }
            } while (r.isOverflow());
            bytes.compact();
        }
        chars.clear();
        return !decoder.flush(chars).isError();
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
        try {
            parseCsv(new StringReader(text), delimiter, rows::add);
        } catch (IOException | UnreadableFileException e) {
            throw new IllegalStateException("a string cannot fail to be read", e);
        }
        return rows;
    }

    /** The streaming form of {@link #parseCsv(String, char)}: each row to {@code sink} as it ends. */
    static void parseCsv(Reader in, char delimiter, RowSink sink) throws IOException, UnreadableFileException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        long rowChars = 0;
        int rowNumber = 1;
        int c = in.read();
        while (c >= 0) {
            if (++rowChars > MAX_ROW_CHARS) {
                throw new UnreadableFileException(ImportProblem.ROW_TOO_LONG, rowNumber,
                        "row " + rowNumber + " is longer than " + MAX_ROW_CHARS + " characters", null);
            }
            int next = -2;
            if (quoted) {
                if (c == '"') {
                    next = in.read();
                    if (next == '"') {
                        field.append('"');
                        c = in.read();
                        continue;
                    }
                    quoted = false;
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                any = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\r' || c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                if (!sink.row(fields)) {
                    return;
                }
                fields = new ArrayList<>();
                any = false;
                rowChars = 0;
                rowNumber++;
                if (c == '\r') {
                    next = in.read();
                    if (next == '\n') {
                        next = -2;
                    }
                }
            } else {
                field.append((char) c);
                any = true;
            }
            c = next == -2 ? in.read() : next;
        }
        if (any || !field.isEmpty()) {
            fields.add(field.toString());
            sink.row(fields);
        }
    }

    /** 12.0 → "12"; 6901234567892.0 → "6901234567892" (a barcode typed as a number); 2.5 → "2.5". */
    static String number(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e18) {
            return Long.toString((long) d);
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
