package com.stocklens.app.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.connector.StockSource;
import com.stocklens.domain.ChannelStock;
import com.stocklens.domain.ChannelWarehouse;
import com.stocklens.domain.Lot;
import com.stocklens.domain.Market;
import com.stocklens.domain.MatchMethod;
import com.stocklens.domain.Provider;
import com.stocklens.domain.Reading;
import com.stocklens.domain.Sku;
import com.stocklens.domain.SkuCodes;
import com.stocklens.domain.SkuMapping;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SourceKind;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockRow;
import com.stocklens.domain.SyncStatus;
import com.stocklens.domain.Warehouse;
import com.stocklens.rules.Gtin;
import com.stocklens.service.BoardRow;
import com.stocklens.service.MappingBoard;
import com.stocklens.store.Database;
import com.stocklens.store.JdbiStockBoardReader;
import com.stocklens.store.SkuMappingRepository;
import com.stocklens.store.SnapshotRepository;
import com.stocklens.sync.SyncEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * End to end through the sync engine: TikTok lists X and Y, ShipBob holds X under its seller SKU (and so
 * tells us X's barcode), a ShipMonk-like partner holds X under its own code CA1-10042 with X's barcode.
 */
class SkuIdentitiesTest {
    private static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String X = "TTS-PS-BLK-01";
    private static final String Y = "TTS-PS-WHT-01";
    private static final String BARCODE_X = ean("690123456789");
    private static final String BARCODE_Y = ean("690123456790");
    private static final String TIKTOK_WH = "7000001";

    private static final SourceInfo TIKTOK = new SourceInfo("tiktok:main", SourceKind.SHOP, null, "TikTok Shop");
    private static final SourceInfo SHIPBOB = new SourceInfo("shipbob:main", SourceKind.WAREHOUSE, Provider.SHIPBOB, "ShipBob");
    private static final SourceInfo SHIPMONK = new SourceInfo("shipmonk:main", SourceKind.WAREHOUSE, Provider.SHIPMONK, "ShipMonk");
    private static final Warehouse MORENO = new Warehouse("shipbob:228", Provider.SHIPBOB, "228", "Moreno Valley (CA)",
            Market.US, "US-West", ZoneId.of("America/Los_Angeles"), TIKTOK_WH);
    private static final Warehouse CA1 = new Warehouse("shipmonk:5", Provider.SHIPMONK, "5", "ShipMonk Los Angeles (CA1)",
            Market.US, "US-West", ZoneId.of("America/Los_Angeles"), TIKTOK_WH);

    private Database db;
    private SnapshotRepository snapshots;
    private SkuIdentities identities;
    private JdbiStockBoardReader board;

    private static String ean(String payload) {
        return payload + Gtin.checkDigit(payload);
    }

    @BeforeEach
    void open(TestInfo info) {
        db = Database.inMemory("sku-identities-" + info.getDisplayName().hashCode() + "-" + System.nanoTime());
        snapshots = new SnapshotRepository(db.jdbi());
        identities = new SkuIdentities(new SkuMappingRepository(db.jdbi()), () -> List.of(TIKTOK, SHIPBOB, SHIPMONK),
                CLOCK);
        board = new JdbiStockBoardReader(db.jdbi(), List.of(TIKTOK, SHIPBOB, SHIPMONK));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private record Fixed(SourceInfo info, Reading reading) implements StockSource {
        @Override
        public Reading fetch() {
            return reading;
        }
    }

    private static Reading tiktok() {
        return Reading.ofShop(NOW, List.of(new ChannelWarehouse("shop1", TIKTOK_WH, "US West", "US", true, false)),
                List.of(new Sku(new SkuCodes(X, "1729000000000000001", null, null), "Phone stand - Black"),
                        new Sku(new SkuCodes(Y, "1729000000000000002", null, null), "Phone stand - White")),
                List.of(new ChannelStock("shop1", X, "1729000000000000001", TIKTOK_WH, 40, 3),
                        new ChannelStock("shop1", Y, "1729000000000000002", TIKTOK_WH, 12, 0)), 2);
    }

    private static Reading shipbob(String barcodeOfY) {
        return Reading.ofWarehouse(NOW, List.of(MORENO),
                List.of(new Sku(new SkuCodes(X, null, BARCODE_X, "20481734"), "Phone stand black"),
                        new Sku(new SkuCodes(Y, null, barcodeOfY, "20481735"), "Phone stand white")),
                List.of(new StockRow(X, MORENO.id(), "20481734", level(30)),
                        new StockRow(Y, MORENO.id(), "20481735", level(9))), 3);
    }

    /** The partner: X under its own code, an item nobody knows, and X's code in lower case. */
    private static Reading shipmonk(String extraBarcode) {
        List<Sku> skus = new ArrayList<>(List.of(
                new Sku(new SkuCodes("CA1-10042", null, "0 " + BARCODE_X, null), "CA1 item 10042"),
                new Sku(new SkuCodes("CA1-99999", null, extraBarcode, null), "CA1 item 99999")));
        List<StockRow> rows = List.of(new StockRow("CA1-10042", CA1.id(), null, level(11)),
                new StockRow("CA1-99999", CA1.id(), null, level(4)));
        List<Lot> lots = List.of(new Lot("CA1-10042", CA1.id(), LocalDate.of(2026, 9, 1), 11, Lot.LotSource.PROVIDER));
        return Reading.ofWarehouse(NOW, List.of(CA1), skus, rows, lots, 2);
    }

    private static StockLevel level(int available) {
        return new StockLevel(available + 1, available, 1, null, 0, 0, 0);
    }

    private SyncEngine engine(StockSource... sources) {
        return new SyncEngine(List.of(sources), snapshots, CLOCK, Duration.ofMinutes(1), Map.of(), identities);
    }

    private void syncInOrder(StockSource... sources) {
        try (SyncEngine engine = engine(sources)) {
            for (StockSource s : sources) {
                assertThat(engine.syncOnce(s).status()).as(s.info().id()).isEqualTo(SyncStatus.COMPLETE);
            }
        }
    }

    private BoardRow row(String sku, Warehouse w) {
        return board.read().rows().stream()
                .filter(r -> r.sku().sellerSku().equals(sku) && r.warehouse().id().equals(w.id()))
                .findFirst().orElseThrow(() -> new AssertionError("no board row " + sku + " @ " + w.id()));
    }

    private SkuMapping mapping(SourceInfo source, String code) {
        return identities.read().mappings().stream()
                .filter(m -> m.sourceId().equals(source.id()) && m.code().equals(code))
                .findFirst().orElseThrow(() -> new AssertionError("no mapping " + code));
    }

    @Test
    void aPartnerCodeCarryingXsBarcodeLandsUnderXBesideTikToksFigure() {
        syncInOrder(new Fixed(TIKTOK, tiktok()), new Fixed(SHIPBOB, shipbob(BARCODE_Y)),
                new Fixed(SHIPMONK, shipmonk(null)));

        BoardRow partner = row(X, CA1);
        assertThat(partner.level().available()).isEqualTo(11);
        assertThat(partner.tiktokAvailable()).as("TikTok's figure beside it").isEqualTo(40);
        assertThat(partner.sku().codes().wmsId()).as("the warehouse's own code is kept").isEqualTo("CA1-10042");
        assertThat(partner.sku().name()).as("the identity's name, not the partner's").isEqualTo("Phone stand black");
        assertThat(board.read().rows()).noneMatch(r -> r.sku().sellerSku().equals("CA1-10042"));
        assertThat(row("CA1-99999", CA1).tiktokAvailable()).as("unmapped: its own code, no TikTok figure").isNull();

        SkuMapping m = mapping(SHIPMONK, "CA1-10042");
        assertThat(m.method()).isEqualTo(MatchMethod.AUTO_BARCODE);
        assertThat(m.sellerSku()).isEqualTo(X);
        assertThat(m.by()).isEqualTo(SkuMapping.SYSTEM);
        assertThat(mapping(SHIPMONK, "CA1-99999").method()).isEqualTo(MatchMethod.UNMAPPED);
        assertThat(mapping(SHIPBOB, X).method()).isEqualTo(MatchMethod.AUTO_SKU);

        Integer lotUnits = db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT SUM(units) FROM lot WHERE seller_sku = :sku AND warehouse_id = :w")
                .bind("sku", X).bind("w", CA1.id()).mapTo(Integer.class).one());
        assertThat(lotUnits).as("lots follow their rows, so ageing lines up").isEqualTo(11);

        MappingBoard read = identities.read();
        assertThat(read.identities()).extracting(i -> i.sellerSku()).containsExactly(X, Y);
        assertThat(read.identities().get(0).tiktokSkuIds()).containsExactly("1729000000000000001");
        assertThat(read.identities().get(0).barcodes()).containsExactly(BARCODE_X);
        assertThat(read.identities().get(1).barcodes()).containsExactly(BARCODE_Y);
        assertThat(read.unmapped()).extracting(SkuMapping::code).containsExactly("CA1-99999");
        assertThat(read.sources()).extracting(SourceInfo::id).containsExactly("shipbob:main", "shipmonk:main");
    }

    @Test
    void aManualMappingOverridesTheAutomaticOneFromTheNextSync() {
        Fixed partner = new Fixed(SHIPMONK, shipmonk(null));
        syncInOrder(new Fixed(TIKTOK, tiktok()), new Fixed(SHIPBOB, shipbob(BARCODE_Y)), partner);
        identities.assign(SHIPMONK.id(), "CA1-10042", Y, "Li Wei");
        assertThat(row(X, CA1).level().available()).as("stored snapshots stay as read").isEqualTo(11);

        syncInOrder(partner);
        assertThat(row(Y, CA1).level().available()).isEqualTo(11);
        assertThat(row(Y, CA1).tiktokAvailable()).isEqualTo(12);
        assertThat(board.read().rows()).noneMatch(r -> r.sku().sellerSku().equals(X) && r.warehouse().equals(CA1));
        SkuMapping m = mapping(SHIPMONK, "CA1-10042");
        assertThat(m.method()).isEqualTo(MatchMethod.MANUAL);
        assertThat(m.by()).isEqualTo("Li Wei");
        assertThat(m.barcode()).as("the warehouse's barcode stays on record").isEqualTo("0 " + BARCODE_X);

        SkuMapping back = identities.clear(SHIPMONK.id(), "CA1-10042", "Li Wei");
        assertThat(back.method()).isEqualTo(MatchMethod.AUTO_BARCODE);
        assertThat(back.sellerSku()).isEqualTo(X);
        syncInOrder(partner);
        assertThat(row(X, CA1).level().available()).isEqualTo(11);
    }

    @Test
    void anAmbiguousBarcodeIsNotMatchedButReportedAsAConflict() {
        // ShipBob's item master gives Y the same barcode as X: which one is CA1-10042?
        syncInOrder(new Fixed(TIKTOK, tiktok()), new Fixed(SHIPBOB, shipbob(BARCODE_X)),
                new Fixed(SHIPMONK, shipmonk(null)));

        assertThat(row("CA1-10042", CA1).tiktokAvailable()).isNull();
        SkuMapping m = mapping(SHIPMONK, "CA1-10042");
        assertThat(m.method()).isEqualTo(MatchMethod.CONFLICT);
        assertThat(m.sellerSku()).isNull();
        assertThat(m.candidates()).containsExactly(X, Y);
        assertThat(identities.read().conflicts()).extracting(SkuMapping::code).containsExactly("CA1-10042");
    }

    @Test
    void twoCodesOfOneIdentityInOneWarehouseAreAddedUp() {
        syncInOrder(new Fixed(TIKTOK, tiktok()), new Fixed(SHIPBOB, shipbob(BARCODE_Y)));
        Reading both = Reading.ofWarehouse(NOW, List.of(CA1),
                List.of(new Sku(new SkuCodes("CA1-10042", null, BARCODE_X, null), null),
                        new Sku(SkuCodes.ofSellerSku(X.toLowerCase()), null)),
                List.of(new StockRow("CA1-10042", CA1.id(), null, new StockLevel(5, 4, 1, 2, 0, null, 0)),
                        new StockRow(X.toLowerCase(), CA1.id(), "W-9", new StockLevel(3, 3, 0, 1, 0, 2, 0))), 1);
        syncInOrder(new Fixed(SHIPMONK, both));
        BoardRow r = row(X, CA1);
        assertThat(r.level()).isEqualTo(new StockLevel(8, 7, 1, 3, 0, null, 0));
        assertThat(mapping(SHIPMONK, X.toLowerCase()).method()).isEqualTo(MatchMethod.AUTO_SKU_FOLDED);
    }

    @Test
    void manualChangesAreValidated() {
        syncInOrder(new Fixed(TIKTOK, tiktok()), new Fixed(SHIPBOB, shipbob(BARCODE_Y)),
                new Fixed(SHIPMONK, shipmonk(null)));
        assertThatThrownBy(() -> identities.assign(SHIPMONK.id(), "CA1-99999", "TTS-NOPE", "Li"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a known seller SKU");
        assertThatThrownBy(() -> identities.assign("winit:main", "CA1-99999", X, "Li"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown warehouse source");
        assertThatThrownBy(() -> identities.assign(SHIPMONK.id(), " ", X, "Li"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> identities.clear(SHIPMONK.id(), "CA1-99999", "Li"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no manual mapping");
        SkuMapping own = identities.assign(SHIPMONK.id(), "CA1-99999", "CA1-99999", "Li");
        assertThat(own.method()).isEqualTo(MatchMethod.MANUAL);
        assertThat(identities.read().unmapped()).isEmpty();
    }

    @Test
    void resolveForImportsRekeysRowsAndSkusWithoutTheEngine() {
        syncInOrder(new Fixed(TIKTOK, tiktok()), new Fixed(SHIPBOB, shipbob(BARCODE_Y)));
        SkuIdentities.Resolved r = identities.resolve("csv:manila",
                List.of(new StockRow("PH-MNL-7", "csv:PH-MNL", null, level(2))),
                List.of(new Sku(new SkuCodes("PH-MNL-7", null, BARCODE_Y, null), "x")));
        assertThat(r.rows()).singleElement().satisfies(row -> {
            assertThat(row.sellerSku()).isEqualTo(Y);
            assertThat(row.wmsId()).isEqualTo("PH-MNL-7");
        });
        assertThat(r.skus()).singleElement().satisfies(s -> assertThat(s.sellerSku()).isEqualTo(Y));
        assertThat(r.outcomes()).singleElement().satisfies(o -> assertThat(o.method()).isEqualTo(MatchMethod.AUTO_BARCODE));
    }

    @Test
    void codesSeenBeforeTikTokAreDecidedAgainWhenItsListingArrives() {
        syncInOrder(new Fixed(SHIPBOB, shipbob(BARCODE_Y)));
        assertThat(mapping(SHIPBOB, X).method()).as("no identities yet").isEqualTo(MatchMethod.UNMAPPED);
        syncInOrder(new Fixed(TIKTOK, tiktok()));
        assertThat(mapping(SHIPBOB, X).method()).isEqualTo(MatchMethod.AUTO_SKU);
        assertThat(identities.read().unmapped()).isEmpty();
    }
}
