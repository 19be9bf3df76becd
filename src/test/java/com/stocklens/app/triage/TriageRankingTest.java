package com.stocklens.app.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.AlertState;
import com.stocklens.domain.CalibrationState;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.domain.Declaration;
import com.stocklens.domain.DeclaredCause;
import com.stocklens.domain.DemandMean;
import com.stocklens.domain.Market;
import com.stocklens.domain.Provider;
import com.stocklens.domain.Sku;
import com.stocklens.domain.SkuCodes;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SourceKind;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.Warehouse;
import com.stocklens.domain.Wording;
import com.stocklens.service.AlertRow;
import com.stocklens.service.BoardRow;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.SourceFreshness;
import com.stocklens.service.StockBoard;
import com.stocklens.service.TaskRow;
import com.stocklens.service.TriageItem;
import com.stocklens.service.TriageList;
import com.stocklens.service.TriageSection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The triage ranking on a small world whose every figure is worked out by hand in the comments. */
class TriageRankingTest {
    static final Instant NOW = Instant.parse("2026-03-02T06:30:00Z");
    static final Warehouse SHIPBOB_CA = new Warehouse("shipbob:228", Provider.SHIPBOB, "228", "Moreno Valley (CA)",
            Market.US, "US-West", ZoneId.of("America/Los_Angeles"), "7301");
    static final Warehouse WINIT_UK = new Warehouse("winit:UKBH", Provider.WINIT, "UKBH", "Birmingham (UK)",
            Market.GB, "UK", ZoneId.of("Europe/London"), "7302");
    static final Warehouse GOODCANG_NJ = new Warehouse("goodcang:USEA", Provider.GOODCANG, "USEA",
            "New Jersey (US-East)", Market.US, "US-East", ZoneId.of("America/New_York"), "7303");
    static final SourceInfo GOODCANG = new SourceInfo("goodcang:main", SourceKind.WAREHOUSE, Provider.GOODCANG,
            "GoodCang 谷仓");
    static final SourceInfo TIKTOK = new SourceInfo("tiktok:main", SourceKind.SHOP, null, "TikTok Shop");

    /**
     * MUG sells 4 and 6 on its two in-stock days (the stock-out day does not count): 5.0 a day over 2 days. SOCK
     * sold nothing over 28 days: 0 a day, known. X, Y and anything else: unknown.
     */
    static final Map<String, DemandMean> SALES = Map.of("MUG-001", new DemandMean(5.0, 2),
            "LAMP-RGB", new DemandMean(1.0, 28), "CASE-IP15", new DemandMean(2.0, 28),
            "SOCK-5PK", new DemandMean(0.0, 28));

    static StockBoard board() {
        List<BoardRow> rows = List.of(
                row("MUG-001", SHIPBOB_CA, 80, 82),   // TikTok side known: 82
                row("MUG-001", WINIT_UK, 30, 30),     // TikTok side known: 30
                row("LAMP-RGB", GOODCANG_NJ, 7, null)); // GoodCang's only line: 7 available
        List<SourceFreshness> sources = List.of(
                new SourceFreshness(GOODCANG, NOW.minus(Duration.ofMinutes(20)), NOW, null, 1, 1, 1),
                new SourceFreshness(TIKTOK, NOW.minus(Duration.ofMinutes(40)), NOW, null, 2, 1, 1));
        return new StockBoard(rows, List.of(SHIPBOB_CA, WINIT_UK, GOODCANG_NJ), sources);
    }

    static BoardRow row(String sku, Warehouse w, int available, Integer tiktok) {
        return new BoardRow(new Sku(SkuCodes.ofSellerSku(sku), sku + " name"), w,
                new StockLevel(available, available, 0, 0, 0, 0, 0), tiktok, null, NOW, tiktok == null ? null : NOW);
    }

    static TaskRow task(long id, Instant deadline, int warehouse, int tiktok, CalibrationState state) {
        Declaration d = state == CalibrationState.OPEN ? null
                : new Declaration(DeclaredCause.DAMAGE, "torn", "li.wei", NOW.minusSeconds(60));
        return new TaskRow(new CalibrationTask(id, "SKU-" + id, SHIPBOB_CA.id(), deadline.minus(Duration.ofHours(2)),
                deadline, warehouse, tiktok, state, d, null, List.of()), "name " + id, SHIPBOB_CA);
    }

    static AlertRow alert(AlertKind kind, String sku, Warehouse w, Integer actual, Integer limit, AlertState state,
                          Instant snoozedUntil) {
        Alert a = new Alert(Alert.keyOf(kind, sku + "@" + w.id()), kind, sku, w.id(), null, NOW.minusSeconds(300),
                actual, limit, Wording.text(kind + " detail"), state, snoozedUntil,
                state == AlertState.ACKNOWLEDGED ? "li.wei" : null);
        return new AlertRow(a, sku + " name", w, null);
    }

    static AlertRow active(AlertKind kind, String sku, Warehouse w, Integer actual, Integer limit) {
        return alert(kind, sku, w, actual, limit, AlertState.ACTIVE, null);
    }

    static AlertRow stale(SourceInfo source, int ageSeconds) {
        Alert a = new Alert(Alert.keyOf(AlertKind.STALE_SOURCE, source.id()), AlertKind.STALE_SOURCE, null, null,
                source.id(), NOW.minusSeconds(60), ageSeconds, 900, Wording.text(source.displayName() + " stale"), AlertState.ACTIVE,
                null, null);
        return new AlertRow(a, null, null, source.displayName());
    }

    static FlagBoard flags() {
        return new FlagBoard(List.of(
                task(11, NOW.plus(Duration.ofMinutes(90)), 0, 18, CalibrationState.OPEN),
                task(12, NOW.minus(Duration.ofMinutes(3)), 44, 36, CalibrationState.OPEN),
                task(13, NOW.plus(Duration.ofMinutes(10)), 60, 54, CalibrationState.DECLARED)),
                List.of(
                        active(AlertKind.OVERSELL_RISK, "MUG-001", SHIPBOB_CA, 82, 80),
                        active(AlertKind.OVERSELL_RISK, "LAMP-RGB", GOODCANG_NJ, 15, 7),
                        active(AlertKind.MISSING_PREALLOCATION, "CASE-IP15", WINIT_UK, 9, 3),
                        active(AlertKind.MISSING_PREALLOCATION, "SOCK-5PK", WINIT_UK, 5, 0),
                        alert(AlertKind.OVERSELL_RISK, "ACKED", SHIPBOB_CA, 50, 10, AlertState.ACKNOWLEDGED, null),
                        alert(AlertKind.OVERSELL_RISK, "SNOOZED", SHIPBOB_CA, 50, 10, AlertState.SNOOZED,
                                NOW.plus(Duration.ofHours(1))),
                        stale(GOODCANG, 1200),
                        stale(TIKTOK, 2400),
                        active(AlertKind.BELOW_SAFETY_STOCK, "X", SHIPBOB_CA, 2, 7),
                        active(AlertKind.BELOW_SAFETY_STOCK, "Y", SHIPBOB_CA, 10, 42),
                        active(AlertKind.SLOW_MOVING, "Z", WINIT_UK, 131, 90)),
                NOW.minusSeconds(5));
    }

    private static List<String> order(List<TriageItem> items) {
        return items.stream().map(i -> i.taskId() != null ? "task" + i.taskId()
                : i.sellerSku() != null ? i.sellerSku() : i.sourceId()).toList();
    }

    @Test
    void openCalibrationsByDeadlineThenOrdersAtRiskByUnitsTimesSalesThenStaleSourcesByWhatTheyBlock() {
        TriageList list = TriageRanking.rank(flags(), board(), SALES, NOW);

        // Task 12 is 3 minutes overdue, task 11 has 90 minutes left; task 13 is declared (no action).
        // At risk: CASE 6 units × 2.0 = 12.0; MUG 2 × 5.0 = 10.0; LAMP 8 × 1.0 = 8.0; SOCK 5 × 0 (no sales) = 0.
        // The acknowledged and the still-snoozed oversell are left to the red-flag panel.
        // Stale: TikTok blocks the 2 lines it reports (82 + 30 = 112 units), GoodCang its 1 line (7 units).
        assertThat(order(list.actNow())).containsExactly("task12", "task11", "CASE-IP15", "MUG-001", "LAMP-RGB",
                "SOCK-5PK", "tiktok:main", "goodcang:main");
        assertThat(list.actNow()).extracting(TriageItem::rank).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);

        TriageItem overdue = list.actNow().get(0);
        assertThat(overdue.kind()).isEqualTo("CALIBRATION");
        assertThat(overdue.section()).isEqualTo(TriageSection.CALIBRATION);
        assertThat(overdue.unitsAtRisk()).isEqualTo(8); // |36 − 44|
        assertThat(overdue.deadline()).isEqualTo(NOW.minus(Duration.ofMinutes(3)));
        assertThat(overdue.warehouseName()).isEqualTo("Moreno Valley (CA)");
        assertThat(overdue.reason().english()).contains("overdue");

        TriageItem caseLine = list.actNow().get(2);
        assertThat(caseLine.unitsAtRisk()).isEqualTo(6);
        assertThat(caseLine.dailySales()).isEqualTo(2.0);
        assertThat(caseLine.salesDays()).isEqualTo(28);
        assertThat(caseLine.impact()).isCloseTo(12.0, within(1e-9));
        assertThat(caseLine.deadline()).isNull();
        assertThat(caseLine.reason().english())
                .isEqualTo("MISSING_PREALLOCATION detail; sells 2.0 a day (over 28 in-stock days)");
        assertThat(list.actNow().get(3).reason().english()).endsWith("sells 5.0 a day (over 2 in-stock days)");
        assertThat(list.actNow().get(5).impact()).isZero();
        assertThat(list.actNow().get(5).dailySales()).isZero();

        TriageItem tiktok = list.actNow().get(6);
        assertThat(tiktok.section()).isEqualTo(TriageSection.STALE);
        assertThat(tiktok.blockedLines()).isEqualTo(2);
        assertThat(tiktok.unitsAtRisk()).isEqualTo(112);
        assertThat(tiktok.reason().english()).endsWith("keeps 2 SKU × warehouse lines (112 units) from being checked");
        assertThat(list.actNow().get(7).unitsAtRisk()).isEqualTo(7);
    }

    @Test
    void theDigestCountsEachKindInTheTablesOrderAndContinuesTheRanks() {
        TriageList list = TriageRanking.rank(flags(), board(), SALES, NOW);

        assertThat(list.digest()).extracting(d -> d.kind())
                .containsExactly(AlertKind.BELOW_SAFETY_STOCK, AlertKind.SLOW_MOVING);
        // Y is 42 − 10 = 32 units short of its reorder point, X 7 − 2 = 5.
        assertThat(order(list.digest().get(0).items())).containsExactly("Y", "X");
        assertThat(list.digest().get(0).items()).extracting(TriageItem::unitsAtRisk).containsExactly(32, 5);
        assertThat(list.digest().get(1).items().get(0).unitsAtRisk()).isNull(); // days, not units
        assertThat(list.digestCount()).isEqualTo(3);
        assertThat(list.all()).extracting(TriageItem::rank).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    }

    @Test
    void withoutDemandTheUnitsAtRiskDecide() {
        TriageList list = TriageRanking.rank(flags(), board(), null, NOW);

        // LAMP 8, CASE 6, SOCK 5, MUG 2.
        assertThat(order(list.section(TriageSection.AT_RISK)))
                .containsExactly("LAMP-RGB", "CASE-IP15", "SOCK-5PK", "MUG-001");
        assertThat(list.section(TriageSection.AT_RISK)).allMatch(i -> i.impact() == null && i.dailySales() == null);
    }

    @Test
    void aSkuOfUnknownDemandHasNoImpactSaysSoAndRanksByUnitsAfterEveryKnownImpact() {
        // SOCK's demand is not known (no sales history in the window, or out of stock every day of it).
        Map<String, DemandMean> sales = new HashMap<>(SALES);
        sales.remove("SOCK-5PK");
        sales.put("LAMP-RGB", new DemandMean(0.25, 1));

        List<TriageItem> atRisk = TriageRanking.rank(flags(), board(), sales, NOW).section(TriageSection.AT_RISK);

        // CASE 6 × 2.0 = 12.0; MUG 2 × 5.0 = 10.0; LAMP 8 × 0.25 = 2.0; SOCK 5 units, impact unknown.
        assertThat(order(atRisk)).containsExactly("CASE-IP15", "MUG-001", "LAMP-RGB", "SOCK-5PK");
        TriageItem sock = atRisk.get(3);
        assertThat(sock.unitsAtRisk()).isEqualTo(5);
        assertThat(sock.dailySales()).isNull();
        assertThat(sock.salesDays()).isNull();
        assertThat(sock.impact()).isNull();
        assertThat(sock.reason().english()).isEqualTo("MISSING_PREALLOCATION detail; daily sales unknown "
                + "(no sales history in the demand window, or out of stock every day of it)");
        assertThat(atRisk.get(2).reason().english()).endsWith("sells 0.3 a day (over 1 in-stock day)");
    }

    @Test
    void demandIsAskedForTheSkusWhoseUnitsAgainstALimitAreWeighedOnly() {
        // Oversell, pre-allocation and below-safety-stock lines that show; not the acknowledged or snoozed ones,
        // not slow-moving stock (days), not the stale sources (no SKU).
        assertThat(TriageRanking.skusWithImpact(flags(), NOW))
                .containsExactly("CASE-IP15", "LAMP-RGB", "MUG-001", "SOCK-5PK", "X", "Y");
        assertThat(TriageRanking.skusWithImpact(FlagBoard.EMPTY, NOW)).isEmpty();

        // A slow-moving line carries no daily sales even when its SKU's demand is known.
        Map<String, DemandMean> sales = new HashMap<>(SALES);
        sales.put("Z", new DemandMean(3.0, 28));
        TriageItem slow = TriageRanking.rank(flags(), board(), sales, NOW).digest().get(1).items().get(0);
        assertThat(slow.sellerSku()).isEqualTo("Z");
        assertThat(slow.dailySales()).isNull();
    }

    @Test
    void aSnoozeThatEndedBringsTheAlertBack() {
        FlagBoard board = new FlagBoard(List.of(), List.of(alert(AlertKind.OVERSELL_RISK, "BACK", SHIPBOB_CA, 12, 10,
                AlertState.SNOOZED, NOW.minusSeconds(1))), NOW);

        assertThat(order(TriageRanking.rank(board, StockBoard.EMPTY, SALES, NOW).actNow())).containsExactly("BACK");
    }

    @Test
    void anEmptyBoardHasNothingToDo() {
        TriageList list = TriageRanking.rank(FlagBoard.EMPTY, StockBoard.EMPTY, Map.of(), NOW);

        assertThat(list.actNow()).isEmpty();
        assertThat(list.digest()).isEmpty();
        assertThat(list.at()).isEqualTo(NOW);
    }

    @Test
    void everyAlertKindHasAPlaceInTheTable() {
        // A new kind slots in with one entry of TriageRanking.TABLE; without one it would sink into the digest.
        assertThat(TriageRanking.TABLE.keySet()).containsExactlyInAnyOrder(AlertKind.values());
        assertThat(Arrays.stream(AlertKind.values()).filter(k -> TriageRanking.sectionOf(k).actNow()))
                .contains(AlertKind.OVERSELL_RISK, AlertKind.MISSING_PREALLOCATION, AlertKind.STALE_SOURCE);
    }
}
