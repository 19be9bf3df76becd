package com.stocklens.connector.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An answer's body read as a stream that ends in {@link TooLarge} once more than {@code cap} bytes came: what
 * keeps an endless or oversized body from filling the heap (see {@link ReadLimits#bodyCap}).
 */
final class CappedBody extends FilterInputStream {
    /** The body went past its cap; nothing read from it may be used. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        private final long cap;

        TooLarge(long cap) {
            super("body larger than " + cap + " bytes");
            this.cap = cap;
        }

        long cap() {
            return cap;
        }
    }

    private final long cap;
    private long read;

    CappedBody(InputStream in, long cap) {
        super(in);
        this.cap = cap;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, (int) Math.min(length, cap - read + 1));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, cap - read + 1));
        count(skipped);
        return skipped;
    }

    private void count(long n) throws TooLarge {
        read += n;
        if (read > cap) {
            throw new TooLarge(cap);
        }
    }

    /** At most {@code cap} bytes of {@code in}, the rest left unread. */
    static byte[] head(InputStream in, int cap) throws IOException {
        return in.readNBytes(cap);
    }
}
