package com.stocklens.store;

import com.stocklens.domain.Market;
import com.stocklens.domain.Provider;
import com.stocklens.domain.Sku;
import com.stocklens.domain.SkuCodes;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SourceKind;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.Warehouse;
import com.stocklens.service.BoardRow;
import com.stocklens.service.SourceFreshness;
import com.stocklens.service.StockBoard;
import com.stocklens.support.PrivateFiles;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stock board as the window last read it from the store, kept in {@code <workspace>/cache/board.bin}
 * (issue 20): the window's next start shows it while the database opens, and reads the store again once it is
 * on screen. A cache and nothing more: a missing, older-format, damaged or oversized file is ignored, and the
 * board comes from the store as it always did.
 *
 * <p>Private to the seller (0600 in a 0700 folder). Written whole to a temporary file and moved into place, so a
 * crash or a full disk leaves the previous file or none, never part of one; a CRC-32 over the content catches the
 * rest. A SKU or a warehouse is written once and the rows name it by number, so the board read back shares one
 * {@code Sku} per SKU across its warehouses as the store's read does. A bucket, a TikTok figure or a time the
 * store did not know stays unknown (null).
 */
public final class BoardFile {
    private static final Logger LOG = LoggerFactory.getLogger(BoardFile.class);

    /** "SLBF": a StockLens board file. */
    private static final int MAGIC = 0x534C4246;
    /** The layout below; a file of another version is ignored (and replaced by the next write). */
    static final int VERSION = 1;
    /** Larger files are not read: a 100,000-row board takes about 6 MB. */
    static final long MAX_BYTES = 256L << 20;

    private static final int LEVEL_BUCKETS = 7;
    private static final int TIKTOK_AVAILABLE = 1 << 7;
    private static final int TIKTOK_COMMITTED = 1 << 8;
    private static final int WAREHOUSE_AT = 1 << 9;
    private static final int TIKTOK_AT = 1 << 10;

    private BoardFile() {
    }

    /** Where a workspace keeps its board file. */
    public static Path in(Path workspace) {
        return workspace.resolve("cache").resolve("board.bin");
    }

    /**
     * The board kept in {@code file}; empty when there is none or it cannot be used (another version, damaged,
     * too large, unreadable), which is logged.
     */
    public static Optional<StockBoard> read(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                LOG.info("board file {} ignored: {} bytes, more than {}", file, size, MAX_BYTES);
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length < 12) {
                LOG.info("board file {} ignored: {} bytes, too short", file, bytes.length);
                return Optional.empty();
            }
            ByteBuffer in = ByteBuffer.wrap(bytes, 0, bytes.length - 4);
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, bytes.length - 4);
            if ((int) crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt()) {
                LOG.info("board file {} ignored: its checksum does not match (damaged)", file);
                return Optional.empty();
            }
            if (in.getInt() != MAGIC) {
                LOG.info("board file {} ignored: not a board file", file);
                return Optional.empty();
            }
            int version = in.getInt();
            if (version != VERSION) {
                LOG.info("board file {} ignored: version {}, this StockLens reads {}", file, version, VERSION);
                return Optional.empty();
            }
            StockBoard board = new Reader(in).board();
            if (in.hasRemaining()) {
                LOG.info("board file {} ignored: {} bytes after the board", file, in.remaining());
                return Optional.empty();
            }
            return Optional.of(board);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.info("board file {} not read: {}", file, e.toString());
            return Optional.empty();
        } catch (BufferUnderflowException | IllegalArgumentException | NullPointerException | DateTimeException e) {
            // A file this class did not write (or a bug in it): the store has the board.
            LOG.warn("board file {} ignored: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /**
     * Keeps {@code board} in {@code file}: written to a temporary file beside it, then moved over it. On a
     * failure (a full disk, a read-only folder) the previous file stays as it was and the temporary one is removed.
     */
    public static void write(Path file, StockBoard board) throws IOException {
        // The board is the seller's stock: 0600 in a 0700 folder, as everything in the workspace.
        Path dir = PrivateFiles.folder(file.toAbsolutePath().getParent());
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try {
            try (OutputStream raw = Files.newOutputStream(tmp)) {
                CheckedOutputStream checked = new CheckedOutputStream(raw, new CRC32());
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(checked, 1 << 16));
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                new Writer(out).board(board);
                out.flush();
                int crc = (int) checked.getChecksum().getValue();
                raw.write(ByteBuffer.allocate(4).putInt(crc).array());
            }
            PrivateFiles.restrict(tmp);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING); // the checksum catches a half-moved file
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Forgets the kept board (a restored or replaced database): the next start reads the store. */
    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("board file {} not deleted: {}", file, e.toString());
        }
    }

    private static final class Writer {
        private final DataOutputStream out;
        private final Map<Warehouse, Integer> warehouses = new HashMap<>();
        private final Map<Sku, Integer> skus = new HashMap<>();

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void board(StockBoard board) throws IOException {
            List<Warehouse> warehouseTable = new ArrayList<>();
            List<Sku> skuTable = new ArrayList<>();
            for (Warehouse w : board.warehouses()) {
                number(w, warehouses, warehouseTable);
            }
            for (BoardRow r : board.rows()) {
                number(r.warehouse(), warehouses, warehouseTable);
                number(r.sku(), skus, skuTable);
            }
            out.writeInt(warehouseTable.size());
            for (Warehouse w : warehouseTable) {
                warehouse(w);
            }
            out.writeInt(board.warehouses().size());
            for (Warehouse w : board.warehouses()) {
                out.writeInt(warehouses.get(w));
            }
            out.writeInt(skuTable.size());
            for (Sku s : skuTable) {
                string(s.codes().sellerSku());
                string(s.codes().tiktokSkuId());
                string(s.codes().barcode());
                string(s.codes().wmsId());
                string(s.name());
            }
            out.writeInt(board.sources().size());
            for (SourceFreshness f : board.sources()) {
                source(f);
            }
            out.writeInt(board.rows().size());
            for (BoardRow r : board.rows()) {
                row(r);
            }
        }

        private static <T> void number(T value, Map<T, Integer> numbers, List<T> table) {
            if (numbers.putIfAbsent(value, table.size()) == null) {
                table.add(value);
            }
        }

        private void warehouse(Warehouse w) throws IOException {
            string(w.id());
            string(w.provider().name());
            string(w.providerWarehouseId());
            string(w.name());
            string(w.market() == null ? null : w.market().name());
            string(w.region());
            string(w.zone().getId());
            string(w.tiktokWarehouseId());
        }

        private void source(SourceFreshness f) throws IOException {
            SourceInfo s = f.source();
            string(s.id());
            string(s.kind().name());
            string(s.provider() == null ? null : s.provider().name());
            string(s.displayName());
            optionalInstant(f.lastSnapshotAt());
            optionalInstant(f.lastAttemptAt());
            string(f.lastError());
            out.writeInt(f.rows());
            out.writeInt(f.requests());
            out.writeLong(f.durationMillis());
        }

        private void row(BoardRow r) throws IOException {
            StockLevel level = r.level();
            int mask = 0;
            for (int i = 0; i < LEVEL_BUCKETS; i++) {
                if (bucket(level, i) != null) {
                    mask |= 1 << i;
                }
            }
            mask |= r.tiktokAvailable() != null ? TIKTOK_AVAILABLE : 0;
            mask |= r.tiktokCommitted() != null ? TIKTOK_COMMITTED : 0;
            mask |= r.warehouseSnapshotAt() != null ? WAREHOUSE_AT : 0;
            mask |= r.tiktokSnapshotAt() != null ? TIKTOK_AT : 0;
            out.writeInt(skus.get(r.sku()));
            out.writeInt(warehouses.get(r.warehouse()));
            out.writeShort(mask);
            for (int i = 0; i < LEVEL_BUCKETS; i++) {
                Integer v = bucket(level, i);
                if (v != null) {
                    out.writeInt(v);
                }
            }
            if (r.tiktokAvailable() != null) {
                out.writeInt(r.tiktokAvailable());
            }
            if (r.tiktokCommitted() != null) {
                out.writeInt(r.tiktokCommitted());
            }
            if (r.warehouseSnapshotAt() != null) {
                instant(r.warehouseSnapshotAt());
            }
            if (r.tiktokSnapshotAt() != null) {
                instant(r.tiktokSnapshotAt());
            }
        }

        private void optionalInstant(Instant at) throws IOException {
            out.writeBoolean(at != null);
            if (at != null) {
                instant(at);
            }
        }

        private void instant(Instant at) throws IOException {
            out.writeLong(at.getEpochSecond());
            out.writeInt(at.getNano());
        }

        /** -1 for null, else the UTF-8 length and bytes. */
        private void string(String s) throws IOException {
            if (s == null) {
                out.writeInt(-1);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }
    }

    private static final class Reader {
        private final ByteBuffer in;

        Reader(ByteBuffer in) {
            this.in = in;
        }

        StockBoard board() {
            Warehouse[] warehouseTable = new Warehouse[count(8 * 4)];
            for (int i = 0; i < warehouseTable.length; i++) {
                warehouseTable[i] = new Warehouse(string(), Provider.valueOf(string()), string(), string(),
                        market(string()), string(), ZoneId.of(string()), string());
            }
            Warehouse[] listed = new Warehouse[count(4)];
            for (int i = 0; i < listed.length; i++) {
                listed[i] = warehouseTable[index(warehouseTable.length)];
            }
            Sku[] skuTable = new Sku[count(5 * 4)];
            for (int i = 0; i < skuTable.length; i++) {
                SkuCodes codes = new SkuCodes(string(), string(), string(), string());
                skuTable[i] = new Sku(codes, string());
            }
            SourceFreshness[] sources = new SourceFreshness[count(4 * 4 + 2 + 4 + 16)];
            for (int i = 0; i < sources.length; i++) {
                String id = string();
                SourceKind kind = SourceKind.valueOf(string());
                String provider = string();
                SourceInfo info = new SourceInfo(id, kind, provider == null ? null : Provider.valueOf(provider),
                        string());
                sources[i] = new SourceFreshness(info, optionalInstant(), optionalInstant(), string(), in.getInt(),
                        in.getInt(), in.getLong());
            }
            BoardRow[] rows = new BoardRow[count(4 + 4 + 2)];
            Integer[] buckets = new Integer[LEVEL_BUCKETS];
            for (int i = 0; i < rows.length; i++) {
                Sku sku = skuTable[index(skuTable.length)];
                Warehouse warehouse = warehouseTable[index(warehouseTable.length)];
                int mask = in.getShort() & 0xFFFF;
                for (int b = 0; b < LEVEL_BUCKETS; b++) {
                    buckets[b] = (mask & (1 << b)) != 0 ? in.getInt() : null;
                }
                StockLevel level = new StockLevel(buckets[0], buckets[1], buckets[2], buckets[3], buckets[4],
                        buckets[5], buckets[6]);
                Integer tiktokAvailable = (mask & TIKTOK_AVAILABLE) != 0 ? in.getInt() : null;
                Integer tiktokCommitted = (mask & TIKTOK_COMMITTED) != 0 ? in.getInt() : null;
                Instant warehouseAt = (mask & WAREHOUSE_AT) != 0 ? instant() : null;
                Instant tiktokAt = (mask & TIKTOK_AT) != 0 ? instant() : null;
                rows[i] = new BoardRow(sku, warehouse, level, tiktokAvailable, tiktokCommitted, warehouseAt, tiktokAt);
            }
            return new StockBoard(List.of(rows), List.of(listed), List.of(sources));
        }

        /** A count read back, no larger than the bytes left could hold at {@code minBytes} each. */
        private int count(int minBytes) {
            int n = in.getInt();
            if (n < 0 || (long) n * minBytes > in.remaining()) {
                throw new IllegalArgumentException("count " + n + " does not fit in the " + in.remaining()
                        + " bytes left");
            }
            return n;
        }

        private int index(int size) {
            int i = in.getInt();
            if (i < 0 || i >= size) {
                throw new IllegalArgumentException("index " + i + " outside 0.." + (size - 1));
            }
            return i;
        }

        private Instant optionalInstant() {
            return in.get() != 0 ? instant() : null;
        }

        private Instant instant() {
            return Instant.ofEpochSecond(in.getLong(), in.getInt());
        }

        private static Market market(String name) {
            return name == null ? null : Market.valueOf(name);
        }

        private String string() {
            int n = in.getInt();
            if (n == -1) {
                return null;
            }
            if (n < 0 || n > in.remaining()) {
                throw new IllegalArgumentException("string of " + n + " bytes, " + in.remaining() + " left");
            }
            String s = new String(in.array(), in.arrayOffset() + in.position(), n, StandardCharsets.UTF_8);
            in.position(in.position() + n);
            return s;
        }
    }

    private static Integer bucket(StockLevel level, int i) {
        return switch (i) {
            case 0 -> level.onHand();
            case 1 -> level.available();
            case 2 -> level.reserved();
            case 3 -> level.inTransit();
            case 4 -> level.qcHold();
            case 5 -> level.frozen();
            default -> level.returnPendingQc();
        };
    }
}
