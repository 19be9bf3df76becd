package com.stocklens.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardFileTest {
    private static final Warehouse CA = new Warehouse("shipbob:228", Provider.SHIPBOB, "228", "Moreno Valley (CA)",
            Market.US, "US-West", ZoneId.of("America/Los_Angeles"), "7301");
    /** No market, region or linked TikTok warehouse: each stays unknown through the file. */
    private static final Warehouse UK = new Warehouse("winit:UKGF", Provider.WINIT, "UKGF", "万邑通 英国仓",
            null, null, ZoneId.of("Europe/London"), null);
    private static final Warehouse UNLISTED = new Warehouse("goodcang:X", Provider.GOODCANG, "X", "谷仓",
            Market.GB, "GB", ZoneId.of("UTC"), null);
    private static final Sku MUG = new Sku(new SkuCodes("MUG-01", "1729", "6901234567892", "W-1"), "陶瓷杯 350ml");
    private static final Sku BARE = new Sku(SkuCodes.ofSellerSku("BARE"), null);
    private static final Instant AT = Instant.parse("2026-12-06T08:15:30.123456789Z");

    @TempDir
    Path dir;

    private static StockBoard board() {
        List<BoardRow> rows = List.of(
                new BoardRow(MUG, CA, new StockLevel(120, 100, 20, 0, 3, 0, 2), 98, 5, AT, AT.plusSeconds(60)),
                // Every bucket unknown, no TikTok figure and no time: unknown is not zero.
                new BoardRow(MUG, UK, StockLevel.UNKNOWN, null, null, null, null),
                new BoardRow(BARE, UNLISTED, new StockLevel(0, null, 0, null, 0, null, Integer.MAX_VALUE), 0, null,
                        Instant.EPOCH, null));
        List<SourceFreshness> sources = List.of(
                new SourceFreshness(new SourceInfo("shipbob", SourceKind.WAREHOUSE, Provider.SHIPBOB, "ShipBob"), AT,
                        AT.plusSeconds(5), null, 2, 3, 1234L),
                new SourceFreshness(new SourceInfo("tiktok", SourceKind.SHOP, null,
                        "TikTok Shop"), null, null, "HTTP 401: 授权已过期", 0, 0, 0L));
        return new StockBoard(rows, List.of(CA, UK), sources);
    }

    @Test
    void aBoardReadsBackAsItWasWrittenUnknownsIncluded() throws IOException {
        Path file = BoardFile.in(dir);
        StockBoard board = board();

        BoardFile.write(file, board);

        assertThat(file).isEqualTo(dir.resolve("cache").resolve("board.bin"));
        StockBoard back = BoardFile.read(file).orElseThrow();
        assertThat(back).isEqualTo(board);
        assertThat(back.rows().get(1).level().onHand()).isNull();
        assertThat(back.rows().get(1).tiktokAvailable()).isNull();
        assertThat(back.rows().get(1).warehouseSnapshotAt()).isNull();
        assertThat(back.rows().get(2).level().available()).isNull();
        assertThat(back.rows().get(2).level().onHand()).isZero();
        assertThat(back.rows().get(0).tiktokSnapshotAt()).isEqualTo(AT.plusSeconds(60));
        assertThat(back.sources().get(1).lastSnapshotAt()).isNull();
        assertThat(dir.resolve("cache")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void theKeptBoardIsTheSellersAlone() throws IOException {
        assumeTrue(
                FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = BoardFile.in(dir);

        BoardFile.write(file, board());
        BoardFile.write(file, board());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void aSkuIsOneObjectAcrossItsWarehousesAsTheStoreReadsIt() throws IOException {
        Path file = BoardFile.in(dir);
        BoardFile.write(file, board());

        StockBoard back = BoardFile.read(file).orElseThrow();

        assertThat(back.rows().get(0).sku()).isSameAs(back.rows().get(1).sku());
        assertThat(back.rows().get(0).warehouse()).isSameAs(back.warehouses().get(0));
    }

    @Test
    void anEmptyBoardAndALargeOneReadBack() throws IOException {
        Path file = BoardFile.in(dir);
        BoardFile.write(file, StockBoard.EMPTY);
        assertThat(BoardFile.read(file)).contains(StockBoard.EMPTY);

        List<BoardRow> rows = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            Sku sku = new Sku(SkuCodes.ofSellerSku("SKU-" + i), "name " + i);
            rows.add(new BoardRow(sku, i % 2 == 0 ? CA : UK, new StockLevel(i, i, 0, null, null, null, null), i,
                    null, AT, null));
        }
        StockBoard large = new StockBoard(rows, List.of(CA, UK), List.of());
        BoardFile.write(file, large);
        assertThat(BoardFile.read(file)).contains(large);
    }

    @Test
    void aMissingFileIsNoBoard() {
        assertThat(BoardFile.read(BoardFile.in(dir))).isEmpty();
    }

    @Test
    void aDamagedByteAnywhereIsNoBoard() throws IOException {
        Path file = BoardFile.in(dir);
        BoardFile.write(file, board());
        byte[] good = Files.readAllBytes(file);
        for (int at : new int[] {0, 5, 9, good.length / 2, good.length - 5, good.length - 1}) {
            byte[] bad = good.clone();
            bad[at] ^= 0x10;
            Files.write(file, bad);
            assertThat(BoardFile.read(file)).as("byte %d changed", at).isEmpty();
        }
    }

    @Test
    void aTruncatedFileIsNoBoard() throws IOException {
        Path file = BoardFile.in(dir);
        BoardFile.write(file, board());
        byte[] good = Files.readAllBytes(file);
        for (int length : new int[] {0, 3, 11, good.length / 2, good.length - 1}) {
            Files.write(file, Arrays.copyOf(good, length));
            assertThat(BoardFile.read(file)).as("%d bytes", length).isEmpty();
        }
    }

    @Test
    void anotherVersionIsNoBoard() throws IOException {
        Path file = BoardFile.in(dir);
        ByteBuffer content = ByteBuffer.allocate(12).putInt(0x534C4246).putInt(BoardFile.VERSION + 1).putInt(0);
        Files.createDirectories(file.getParent());
        Files.write(file, withCrc(content.array()));

        assertThat(BoardFile.read(file)).isEmpty();
    }

    /** A file with a valid checksum but counts this class never writes: refused before anything is allocated. */
    @Test
    void aHugeCountWithAValidChecksumIsNoBoardAndAllocatesNothing() throws IOException {
        Path file = BoardFile.in(dir);
        Files.createDirectories(file.getParent());
        ByteBuffer content = ByteBuffer.allocate(16).putInt(0x534C4246).putInt(BoardFile.VERSION)
                .putInt(Integer.MAX_VALUE).putInt(-1);
        Files.write(file, withCrc(content.array()));
        assertThat(BoardFile.read(file)).isEmpty();

        // A row naming a SKU the table does not hold.
        ByteBuffer rows = ByteBuffer.allocate(4 * 9 + 2).putInt(0x534C4246).putInt(BoardFile.VERSION)
                .putInt(0).putInt(0).putInt(0).putInt(0).putInt(1).putInt(7).putInt(0).putShort((short) 0);
        Files.write(file, withCrc(rows.array()));
        assertThat(BoardFile.read(file)).isEmpty();
    }

    /** A negative bucket cannot be a stock level: the record refuses it and the file is ignored. */
    @Test
    void aFigureNoStoreCouldHoldIsNoBoard() throws IOException {
        Path file = BoardFile.in(dir);
        BoardFile.write(file, new StockBoard(List.of(new BoardRow(BARE, CA,
                new StockLevel(1, null, null, null, null, null, null), null, null, null, null)), List.of(CA),
                List.of()));
        byte[] bytes = Files.readAllBytes(file);
        // The row's one bucket is the last int before the checksum: make it negative and re-sign the file.
        byte[] content = Arrays.copyOf(bytes, bytes.length - 4);
        ByteBuffer.wrap(content).putInt(content.length - 4, -1);
        Files.write(file, withCrc(content));

        assertThat(BoardFile.read(file)).isEmpty();
    }

    @Test
    void aFailedWriteKeepsThePreviousFileAndLeavesNoTemporaryOne() throws IOException {
        Path file = BoardFile.in(dir);
        BoardFile.write(file, board());
        byte[] before = Files.readAllBytes(file);
        // A row whose SKU is null cannot be written: the write fails part-way.
        List<BoardRow> rows = new ArrayList<>(board().rows());
        rows.add(new BoardRow(null, CA, StockLevel.UNKNOWN, null, null, null, null));
        StockBoard broken = new StockBoard(rows, List.of(CA), List.of());

        assertThatThrownBy(() -> BoardFile.write(file, broken)).isInstanceOf(RuntimeException.class);

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(dir.resolve("cache")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aFolderThatCannotBeMadeIsAnIoError() throws IOException {
        Path notADirectory = dir.resolve("file");
        Files.writeString(notADirectory, "x");

        assertThatThrownBy(() -> BoardFile.write(BoardFile.in(notADirectory), board()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void deleteForgetsTheBoard() throws IOException {
        Path file = BoardFile.in(dir);
        BoardFile.write(file, board());

        BoardFile.delete(file);

        assertThat(BoardFile.read(file)).isEmpty();
        BoardFile.delete(file); // nothing to delete: no error
    }

    private static byte[] withCrc(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return ByteBuffer.allocate(content.length + 4).put(content).putInt((int) crc.getValue()).array();
    }
}
