package com.stocklens.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The UTF-8 lines of a stream, none longer than a limit: unlike {@code BufferedReader.readLine}, a line of
 * gigabytes (a hostile snapshot file) is refused after {@code maxBytes}, never held. Lines end at
 * {@code \n}; a {@code \r} before it is kept (the snapshot format writes {@code \n} only).
 */
final class BoundedLines implements Closeable {
    /** Thrown by {@link #next()} for a line longer than the limit. */
    static final class TooLong extends IOException {
        private static final long serialVersionUID = 1L;

        TooLong() {
            super("a line is longer than the limit");
        }
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int end;
    private byte[] line = new byte[1024];

    BoundedLines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /**
     * The next line without its {@code \n}, or null at the end of the stream.
     *
     * @throws TooLong when the line is longer than the limit (nothing of it is kept)
     */
    String next() throws IOException {
        int len = 0;
        boolean any = false;
        while (true) {
            if (pos == end) {
                end = in.read(buf, 0, buf.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    return any ? new String(line, 0, len, StandardCharsets.UTF_8) : null;
                }
            }
            any = true;
            int start = pos;
            while (pos < end && buf[pos] != '\n') {
                pos++;
            }
            int n = pos - start;
            if (len + n > maxBytes) {
                throw new TooLong();
            }
            if (len + n > line.length) {
                line = Arrays.copyOf(line, Math.min(maxBytes, Math.max(len + n, line.length * 2)));
            }
            System.arraycopy(buf, start, line, len, n);
            len += n;
            if (pos < end) {
                pos++; // the \n
                return new String(line, 0, len, StandardCharsets.UTF_8);
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
