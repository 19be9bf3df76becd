package com.stocklens.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.domain.Provider;
import com.stocklens.domain.Sku;
import com.stocklens.domain.SkuCodes;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.Warehouse;
import com.stocklens.service.BoardRow;
import com.stocklens.service.StockBoard;
import com.stocklens.service.StockBoardReader;
import com.stocklens.store.BoardFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeptBoardReaderTest {
    private static final Warehouse CA = new Warehouse("shipbob:228", Provider.SHIPBOB, "228", "Moreno Valley (CA)",
            null, null, ZoneId.of("America/Los_Angeles"), null);

    @TempDir
    Path dir;

    private static StockBoard board(int onHand) {
        return new StockBoard(List.of(new BoardRow(new Sku(SkuCodes.ofSellerSku("MUG"), "Mug"), CA,
                new StockLevel(onHand, null, null, null, null, null, null), null, null, null, null)), List.of(CA),
                List.of());
    }

    @Test
    void eachReadIsHandedOverAndTheNewestIsKeptForTheNextStart() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        StockBoardReader store = () -> board(reads.incrementAndGet());
        Path file = BoardFile.in(dir);
        KeptBoardReader reader = new KeptBoardReader(store, file);

        assertThat(reader.read()).isEqualTo(board(1));
        assertThat(reader.read()).isEqualTo(board(2));
        reader.close();

        assertThat(BoardFile.read(file)).contains(board(2));
        assertThat(KeptBoardReader.readAtStart(file).get(10, TimeUnit.SECONDS)).contains(board(2));
    }

    @Test
    void aFailedReadKeepsNothingAndAFileThatCannotBeWrittenCostsTheReadNothing() throws Exception {
        Path notADirectory = dir.resolve("file");
        Files.writeString(notADirectory, "x");
        Path file = BoardFile.in(notADirectory);
        AtomicInteger reads = new AtomicInteger();
        KeptBoardReader reader = new KeptBoardReader(() -> {
            if (reads.incrementAndGet() == 1) {
                throw new IllegalStateException("store closed");
            }
            return board(5);
        }, file);

        assertThatThrownBy(reader::read).hasMessage("store closed");
        assertThat(reader.read()).isEqualTo(board(5));
        reader.close();

        assertThat(Files.exists(file)).isFalse();
        assertThat(KeptBoardReader.readAtStart(file).get(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void readsAfterCloseAreHandedOverButNotKept() {
        Path file = BoardFile.in(dir);
        KeptBoardReader reader = new KeptBoardReader(() -> board(3), file);
        reader.close();

        assertThat(reader.read()).isEqualTo(board(3));
        assertThat(Files.exists(file)).isFalse();
    }
}
