package com.stocklens.store;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Snapshot files built to exhaust a reader (issue 18 item 11), each generated as a stream so the test itself
 * never holds what the file unpacks to:
 * <ul>
 *   <li>{@link #longLine}: one data entry that is a single line of gigabytes, with its correct row count and
 *       SHA-256 in the manifest (a few megabytes on disk);</li>
 *   <li>{@link #hugeManifest}: a manifest of tens of millions of {@code {}} (a few hundred kilobytes on disk);</li>
 *   <li>{@link #repeatedEntry}: one large data entry the manifest lists hundreds of times, every listing with
 *       the right checksum.</li>
 * </ul>
 */
public final class HostileSnapshotFiles {
    private static final String AT = "2026-11-27T06:00:00Z";
    private static final int MIB = 1 << 20;

    private HostileSnapshotFiles() {
    }

    /**
     * {@code data/stock_row.jsonl} is one line of at least {@code lineBytes} bytes ({@code {"sku":"aaaa…"}}),
     * with the right row count (1) and checksum. Written by hand as a zip whose deflated data repeats one
     * independently compressed block, so a 3 GiB line costs a few seconds (the SHA-256) and ~3 MB on disk.
     */
    public static void longLine(Path out, long lineBytes) throws IOException {
        byte[] head = "{\"sku\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\"}\n".getBytes(StandardCharsets.US_ASCII);
        byte[] block = new byte[MIB];
        Arrays.fill(block, (byte) 'a');
        long blocks = (lineBytes + MIB - 1) / MIB;

        MessageDigest sha = SnapshotArchive.sha256();
        CRC32 crc = new CRC32();
        sha.update(head);
        crc.update(head);
        for (long i = 0; i < blocks; i++) {
            sha.update(block);
            crc.update(block);
        }
        sha.update(tail);
        crc.update(tail);
        long size = head.length + blocks * MIB + tail.length;
        if (size >= 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("no zip64 here: at most 4 GiB");
        }
        byte[] deflatedHead = rawBlock(head);
        byte[] deflatedBlock = rawBlock(block);
        byte[] deflatedTail = rawBlock(tail);
        byte[] finalBlock = {0x03, 0x00}; // a last, empty fixed-Huffman block: the end of the deflate stream
        long compressed = deflatedHead.length + blocks * deflatedBlock.length + deflatedTail.length + finalBlock.length;

        String entry = "data/stock_row.jsonl";
        byte[] manifest = manifest("{\"name\":\"" + entry + "\",\"table\":\"stock_row\",\"rows\":1,\"sha256\":\""
                + HexFormat.of().formatHex(sha.digest()) + "\"}");
        try (ZipWriter zip = new ZipWriter(out)) {
            zip.stored(SnapshotArchive.MANIFEST, manifest);
            zip.begin(entry, crc.getValue(), compressed, size);
            zip.raw(deflatedHead);
            for (long i = 0; i < blocks; i++) {
                zip.raw(deflatedBlock);
            }
            zip.raw(deflatedTail);
            zip.raw(finalBlock);
        }
    }

    /** A manifest holding {@code count} empty objects in its entries (about 2 bytes each unpacked). */
    public static void hugeManifest(Path out, long count) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(out), 1 << 16))) {
            zip.putNextEntry(new ZipEntry(SnapshotArchive.MANIFEST));
            zip.write(("{\"format\":\"stocklens-snapshot\",\"formatVersion\":1,\"moment\":{\"at\":\"" + AT
                    + "\"},\"entries\":[{}").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ",{}".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            long left = count - 1;
            while (left > 0) {
                int n = (int) Math.min(left, 1 << 16);
                zip.write(chunk, 0, n * 3);
                left -= n;
            }
            zip.write("]}".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
    }

    /**
     * One data entry of {@code entryBytes} (stock rows, one per line) listed {@code times} times in the
     * manifest, each listing with the entry's right row count and checksum.
     */
    public static void repeatedEntry(Path out, long entryBytes, int times) throws IOException {
        byte[] line = ("{\"snapshot_id\":1,\"sku_id\":\"SKU-0001\",\"warehouse_id\":\"shipbob:1\",\"on_hand\":5,"
                + "\"available\":5}\n").getBytes(StandardCharsets.US_ASCII);
        long rows = entryBytes / line.length;
        MessageDigest sha = SnapshotArchive.sha256();
        for (long i = 0; i < rows; i++) {
            sha.update(line);
        }
        String entry = "data/stock_row.jsonl";
        String listing = "{\"name\":\"" + entry + "\",\"table\":\"stock_row\",\"rows\":" + rows + ",\"sha256\":\""
                + HexFormat.of().formatHex(sha.digest()) + "\"}";
        byte[] manifest = manifest(String.join(",", java.util.Collections.nCopies(times, listing)));
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(out), 1 << 16))) {
            zip.putNextEntry(new ZipEntry(SnapshotArchive.MANIFEST));
            zip.write(manifest);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(entry));
            for (long i = 0; i < rows; i++) {
                zip.write(line);
            }
            zip.closeEntry();
        }
    }

    private static byte[] manifest(String entries) {
        return ("{\"format\":\"stocklens-snapshot\",\"formatVersion\":1,\"appVersion\":\"hostile\",\"schemaVersion\":\"11\","
                + "\"exportedAt\":\"" + AT + "\",\"moment\":{\"at\":\"" + AT + "\"},\"workspace\":{\"name\":\"hostile\","
                + "\"mode\":\"demo\"},\"sources\":[],\"settings\":{},\"entries\":[" + entries + "]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code data} deflated on its own (raw deflate, no header) and flushed to a byte boundary without ending
     * the stream: such blocks may follow each other, since none refers back to another.
     */
    private static byte[] rawBlock(byte[] data) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            d.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            while (true) {
                int n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
                out.write(buf, 0, n);
                if (n < buf.length && d.needsInput()) {
                    return out.toByteArray();
                }
            }
        } finally {
            d.end();
        }
    }

    /** The few zip records this file needs, little-endian, no zip64. */
    private static final class ZipWriter implements AutoCloseable {
        private final OutputStream out;
        private final ByteArrayOutputStream central = new ByteArrayOutputStream();
        private long offset;
        private int entries;

        ZipWriter(Path file) throws IOException {
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        }

        void stored(String name, byte[] data) throws IOException {
            CRC32 crc = new CRC32();
            crc.update(data);
            header(name, 0, crc.getValue(), data.length, data.length);
            raw(data);
        }

        void begin(String name, long crc, long compressed, long size) throws IOException {
            header(name, 8, crc, compressed, size);
        }

        void raw(byte[] bytes) throws IOException {
            out.write(bytes);
            offset += bytes.length;
        }

        private void header(String name, int method, long crc, long compressed, long size) throws IOException {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            long at = offset;
            ByteArrayOutputStream local = new ByteArrayOutputStream();
            int32(local, 0x04034b50);
            int16(local, 20);
            int16(local, 0x0800);
            int16(local, method);
            int16(local, 0);
            int16(local, 0x21);
            int32(local, crc);
            int32(local, compressed);
            int32(local, size);
            int16(local, n.length);
            int16(local, 0);
            local.write(n);
            raw(local.toByteArray());

            int32(central, 0x02014b50);
            int16(central, 20);
            int16(central, 20);
            int16(central, 0x0800);
            int16(central, method);
            int16(central, 0);
            int16(central, 0x21);
            int32(central, crc);
            int32(central, compressed);
            int32(central, size);
            int16(central, n.length);
            int16(central, 0);
            int16(central, 0);
            int16(central, 0);
            int16(central, 0);
            int32(central, 0);
            int32(central, at);
            central.write(n);
            entries++;
        }

        @Override
        public void close() throws IOException {
            long cdOffset = offset;
            byte[] cd = central.toByteArray();
            raw(cd);
            ByteArrayOutputStream end = new ByteArrayOutputStream();
            int32(end, 0x06054b50);
            int16(end, 0);
            int16(end, 0);
            int16(end, entries);
            int16(end, entries);
            int32(end, cd.length);
            int32(end, cdOffset);
            int16(end, 0);
            raw(end.toByteArray());
            out.close();
        }

        private static void int16(ByteArrayOutputStream o, int v) {
            o.write(v & 0xFF);
            o.write((v >>> 8) & 0xFF);
        }

        private static void int32(ByteArrayOutputStream o, long v) {
            for (int i = 0; i < 4; i++) {
                o.write((int) (v >>> (8 * i)) & 0xFF);
            }
        }
    }
}
