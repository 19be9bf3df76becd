package com.stocklens.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.Market;
import com.stocklens.domain.Provider;
import com.stocklens.rules.Staleness;
import com.stocklens.service.BoardRow;
import com.stocklens.service.ColumnMapping;
import com.stocklens.service.ImportField;
import com.stocklens.service.ImportOutcome;
import com.stocklens.service.SourceFreshness;
import com.stocklens.service.StockBoard;
import com.stocklens.store.Database;
import com.stocklens.store.JdbiStockBoardReader;
import com.stocklens.store.JdbiStockImportStore;
import com.stocklens.store.SnapshotRepository;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import against a real store: all or nothing, the file's time, the board and the remembered mapping. */
class StockImportServiceTest {
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    static final Instant FILE_TIME = NOW.minus(Duration.ofHours(5));

    @TempDir
    Path dir;
    Database db;
    SnapshotRepository snapshots;
    StockImportService imports;
    JdbiStockBoardReader board;

    @BeforeEach
    void open() {
        db = Database.inMemory("imports-" + System.nanoTime());
        snapshots = new SnapshotRepository(db.jdbi());
        imports = new StockImportService(new JdbiStockImportStore(db.jdbi(), snapshots), Clock.fixed(NOW, ZoneOffset.UTC));
        board = new JdbiStockBoardReader(db.jdbi(), List.of());
        imports.saveWarehouse("PH-MNL", "Manila partner warehouse", Market.PH, "PH-Luzon", ZoneId.of("Asia/Manila"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    Path file(String name, byte[] bytes) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        Files.setLastModifiedTime(f, FileTime.from(FILE_TIME));
        return f;
    }

    @Test
    void aGoodGbkFileBecomesOneManualLateSnapshotOnTheBoard() throws Exception {
        String text = "商品编码,条形码,可用,在途\r\nA-1,6901234567892,5,10\r\nA-2,,0,\r\n";
        ImportOutcome out = imports.importFile(file("s.csv", text.getBytes(Charset.forName("GBK"))), "PH-MNL", null, null);
        assertThat(out.imported()).isTrue();
        assertThat(out.takenAt()).isEqualTo(FILE_TIME);
        assertThat(snapshots.latest("csv:PH-MNL")).hasValueSatisfying(s -> assertThat(s.rowCount()).isEqualTo(2));

        StockBoard b = board.read();
        SourceFreshness f = b.sources().stream().filter(s -> s.source().id().equals("csv:PH-MNL")).findFirst().orElseThrow();
        assertThat(f.manual()).isTrue();
        assertThat(f.source().provider()).isEqualTo(Provider.CSV);
        assertThat(f.lastSnapshotAt()).isEqualTo(FILE_TIME);
        assertThat(Staleness.isStale(f.lastSnapshotAt(), NOW, Staleness.DEFAULT_WINDOW)).as("five hours late").isTrue();
        assertThat(b.rows()).extracting(BoardRow::sku).extracting(s -> s.sellerSku()).containsExactlyInAnyOrder("A-1", "A-2");
        BoardRow a1 = b.rows().stream().filter(r -> r.sku().sellerSku().equals("A-1")).findFirst().orElseThrow();
        assertThat(a1.warehouse().name()).isEqualTo("Manila partner warehouse");
        assertThat(a1.sku().codes().barcode()).isEqualTo("6901234567892");
        assertThat(a1.level().onHand()).as("unmapped: unknown").isNull();

        // The mapping is remembered for the next file, even when its headers move.
        assertThat(imports.lastMappingName("PH-MNL")).contains(ColumnMapping.DEFAULT_NAME);
        assertThat(imports.mapping("PH-MNL", "default").orElseThrow().header(ImportField.AVAILABLE)).isEqualTo("可用");
    }

    @Test
    void aFileWithOneBadRowStoresNothing() throws Exception {
        String text = "SKU,Available\nA,1\nB,-2\nC,3\n";
        ImportOutcome out = imports.importFile(file("bad.csv", text.getBytes(StandardCharsets.UTF_8)), "PH-MNL", null, null);
        assertThat(out.imported()).isFalse();
        assertThat(out.check().errors()).singleElement().satisfies(e -> assertThat(e.row()).isEqualTo(3));
        assertThat(snapshots.latest("csv:PH-MNL")).isEmpty();
        assertThat(snapshots.recentRuns("csv:PH-MNL", 5)).isEmpty();
        assertThat(board.read().rows()).isEmpty();
        assertThat(imports.mappingNames("PH-MNL")).as("a rejected file teaches no mapping").isEmpty();
    }

    @Test
    void namedMappingsArePickedByName() throws Exception {
        Path f = file("s.csv", "Item,Free,Total\nX,1,9\n".getBytes(StandardCharsets.UTF_8));
        ColumnMapping m = new ColumnMapping(java.util.Map.of(ImportField.SKU, "Item", ImportField.AVAILABLE, "Free",
                ImportField.ON_HAND, "Total"));
        assertThat(imports.importFile(f, "PH-MNL", "weekly", m).imported()).isTrue();
        assertThat(imports.mappingNames("PH-MNL")).containsExactly("weekly");
        // Next time the remembered mapping is used without being given.
        Path g = file("t.csv", "Total,Item,Free\n4,Y,2\n".getBytes(StandardCharsets.UTF_8));
        ImportOutcome again = imports.importFile(g, "PH-MNL", "weekly", null);
        assertThat(again.imported()).isTrue();
        assertThat(again.check().rows().get(0).level().onHand()).isEqualTo(4);
        assertThat(imports.isLastImport("PH-MNL", g)).isTrue();
        assertThat(imports.isLastImport("PH-MNL", f)).isFalse();
    }

    @Test
    void newWarehousesGetAnIdFromTheirName() {
        assertThat(imports.saveWarehouse(null, "Jakarta 3PL", Market.ID, null, null).id()).isEqualTo("JAKARTA-3PL");
        assertThat(imports.saveWarehouse(null, "Jakarta 3PL", Market.ID, null, null).id()).isEqualTo("JAKARTA-3PL-2");
        assertThat(imports.saveWarehouse(null, "雅加达仓", Market.ID, null, null).id()).isEqualTo("CSV-1");
        assertThat(imports.warehouses()).hasSize(4);
    }
}
