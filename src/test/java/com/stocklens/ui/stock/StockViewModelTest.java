package com.stocklens.ui.stock;

import static com.stocklens.ui.FakeBoards.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.Bucket;
import com.stocklens.domain.ReturnItem;
import com.stocklens.domain.ReturnStage;
import com.stocklens.domain.StockLevel;
import com.stocklens.rules.Staleness;
import com.stocklens.service.BoardRow;
import com.stocklens.service.PollerLeases;
import com.stocklens.service.ReturnsPoolReader;
import com.stocklens.service.SourceFreshness;
import com.stocklens.service.SyncProgress;
import com.stocklens.service.StockBoard;
import com.stocklens.service.StockBoardReader;
import com.stocklens.ui.FakeBoards;
import com.stocklens.ui.FakeSyncEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The stock screen's state without any toolkit: same-thread executors, a fixed clock, fake services. */
class StockViewModelTest {
    private static final Duration WINDOW = Staleness.DEFAULT_WINDOW;
    private static final Executor SAME_THREAD = Runnable::run;

    private final FakeSyncEvents events = new FakeSyncEvents();

    /** A reader that counts its reads and returns whatever board the test sets. */
    private static final class CountingReader implements StockBoardReader {
        final AtomicInteger reads = new AtomicInteger();
        volatile StockBoard board;

        CountingReader(StockBoard board) {
            this.board = board;
        }

        @Override
        public StockBoard read() {
            reads.incrementAndGet();
            return board;
        }
    }

    private static StockRowViewModel row(StockViewModel vm, String sku, String warehouseId) {
        return vm.allRows().stream()
                .filter(r -> r.sellerSku().equals(sku) && r.warehouse().id().equals(warehouseId))
                .findFirst().orElseThrow();
    }

    private StockViewModel started(StockBoard board) {
        StockViewModel vm = new StockViewModel(new CountingReader(board), events, FakeBoards.CLOCK, WINDOW,
                SAME_THREAD, SAME_THREAD);
        vm.start();
        return vm;
    }

    @Test
    void theLongestSkuIsFoundWithTheRowsForTheSkuColumnsWidth() {
        StockViewModel vm = new StockViewModel(new CountingReader(FakeBoards.small()), events, FakeBoards.CLOCK,
                WINDOW, SAME_THREAD, SAME_THREAD);
        assertThat(vm.longestSku()).as("before the first board").isEmpty();
        vm.start();
        String longest = vm.allRows().stream().map(StockRowViewModel::sellerSku)
                .max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
        assertThat(vm.longestSku()).hasSameSizeAs(longest);
        assertThat(vm.allRows()).extracting(StockRowViewModel::sellerSku).contains(vm.longestSku());
    }

    @Test
    void totalsSumKnownValuesAndCountReportingWarehouses() {
        StockViewModel vm = started(FakeBoards.small());

        StockTotal onHand = vm.total(Bucket.ON_HAND);
        assertThat(onHand.getSum()).isEqualTo(150L);
        assertThat(onHand.getReporting()).isEqualTo(3);
        assertThat(onHand.getWarehouses()).isEqualTo(3);
        assertThat(onHand.isPartial()).isFalse();

        // WINIT does not report in-transit: the known part, with "2 of 3", never counting the unknown as 0.
        StockTotal inTransit = vm.total(Bucket.IN_TRANSIT);
        assertThat(inTransit.getSum()).isEqualTo(50L);
        assertThat(inTransit.getReporting()).isEqualTo(2);
        assertThat(inTransit.isPartial()).isTrue();

        // GoodCang's in-transit is a known 0: it reports, so it counts.
        StockTotal qc = vm.total(Bucket.QC_HOLD);
        assertThat(qc.getSum()).isEqualTo(5L);
        assertThat(qc.getReporting()).isEqualTo(2);

        StockTotal tiktok = vm.total(StockViewModel.TIKTOK_AVAILABLE);
        assertThat(tiktok.getSum()).isEqualTo(112L);
        assertThat(tiktok.getReporting()).isEqualTo(2);
    }

    @Test
    void totalIsUnknownWhenNoWarehouseReportsIt() {
        var sku = FakeBoards.sku("A", "a");
        StockBoard board = new StockBoard(List.of(
                FakeBoards.row(sku, FakeBoards.SHIPBOB_CA, StockLevel.UNKNOWN.with(Bucket.ON_HAND, 0), null, NOW),
                FakeBoards.row(sku, FakeBoards.WINIT_UK, StockLevel.UNKNOWN.with(Bucket.ON_HAND, 4), null, NOW)),
                List.of(FakeBoards.SHIPBOB_CA, FakeBoards.WINIT_UK), List.of());
        StockViewModel vm = started(board);

        assertThat(vm.total(Bucket.FROZEN).getSum()).isNull();
        assertThat(vm.total(Bucket.FROZEN).getReporting()).isZero();
        assertThat(vm.total(Bucket.FROZEN).isPartial()).isFalse();
        assertThat(vm.total(StockViewModel.TIKTOK_AVAILABLE).getSum()).isNull();
        // A known 0 plus a known 4 is a real 4, not a partial figure.
        assertThat(vm.total(Bucket.ON_HAND).getSum()).isEqualTo(4L);
        assertThat(vm.total(Bucket.ON_HAND).getReporting()).isEqualTo(2);
    }

    @Test
    void totalsFollowEachWarehouseWhenItsRowsAreNotTogether() {
        var a = FakeBoards.sku("A", "a");
        var b = FakeBoards.sku("B", "b");
        // ShipBob, WINIT, ShipBob again: 1 + 100 on hand in ShipBob, 10 in WINIT; TikTok 5 beside ShipBob's B only.
        StockBoard board = new StockBoard(List.of(
                FakeBoards.row(a, FakeBoards.SHIPBOB_CA, StockLevel.UNKNOWN.with(Bucket.ON_HAND, 1), null, NOW),
                FakeBoards.row(a, FakeBoards.WINIT_UK, StockLevel.UNKNOWN.with(Bucket.ON_HAND, 10), null, NOW),
                FakeBoards.row(b, FakeBoards.SHIPBOB_CA, StockLevel.UNKNOWN.with(Bucket.ON_HAND, 100), 5, NOW)),
                List.of(FakeBoards.SHIPBOB_CA, FakeBoards.WINIT_UK), List.of());
        StockViewModel vm = started(board);
        assertThat(vm.total(Bucket.ON_HAND).getSum()).isEqualTo(111L);
        assertThat(vm.total(Bucket.ON_HAND).getReporting()).isEqualTo(2);
        assertThat(vm.total(StockViewModel.TIKTOK_AVAILABLE).getSum()).isEqualTo(5L);
        assertThat(vm.total(StockViewModel.TIKTOK_AVAILABLE).getReporting()).isEqualTo(1);

        vm.warehouseFilter().choose(List.of(FakeBoards.SHIPBOB_CA.id()));
        assertThat(vm.total(Bucket.ON_HAND).getSum()).isEqualTo(101L);
        assertThat(vm.total(StockViewModel.TIKTOK_AVAILABLE).getSum()).isEqualTo(5L);
        vm.warehouseFilter().choose(List.of(FakeBoards.WINIT_UK.id()));
        assertThat(vm.total(Bucket.ON_HAND).getSum()).isEqualTo(10L);
        assertThat(vm.total(StockViewModel.TIKTOK_AVAILABLE).getSum()).as("no TikTok figure beside WINIT").isNull();
        assertThat(vm.total(Bucket.FROZEN).getSum()).isNull();
    }

    @Test
    void emptyBoardHasUnknownTotals() {
        StockViewModel vm = started(StockBoard.EMPTY);
        for (String key : vm.totalKeys()) {
            assertThat(vm.total(key).getSum()).as(key).isNull();
            assertThat(vm.total(key).getWarehouses()).isZero();
        }
        assertThat(vm.totalKeys()).hasSize(8);
    }

    @Test
    void gapIsTikTokMinusWarehouseAvailableAndUnknownWhenEitherSideIs() {
        StockViewModel vm = started(FakeBoards.small());
        StockRowViewModel caMug = row(vm, "MUG-001", FakeBoards.SHIPBOB_CA.id());
        StockRowViewModel ukMug = row(vm, "MUG-001", FakeBoards.WINIT_UK.id());
        StockRowViewModel njLamp = row(vm, "LAMP-RGB", FakeBoards.GOODCANG_NJ.id());

        assertThat(caMug.gap()).isEqualTo(2);   // TikTok 82 vs ShipBob 80: oversell risk
        assertThat(caMug.hasGap()).isTrue();
        assertThat(ukMug.gap()).isZero();
        assertThat(ukMug.hasGap()).isFalse();
        assertThat(njLamp.gap()).isNull();       // TikTok has no figure
        assertThat(njLamp.hasGap()).isFalse();
        assertThat(StockRowViewModel.gapOf(5, null)).isNull();
        assertThat(StockRowViewModel.gapOf(3, 7)).isEqualTo(-4);
    }

    @Test
    void filterMatchesSkuNameAndWarehouseIgnoringCase() {
        StockViewModel vm = started(FakeBoards.small());
        assertThat(vm.filteredRows()).hasSize(3);
        assertThat(vm.shownCountProperty().get()).isEqualTo(3);

        vm.filterTextProperty().set("mug");
        assertThat(vm.filteredRows()).extracting(StockRowViewModel::sellerSku).containsExactly("MUG-001", "MUG-001");

        vm.filterTextProperty().set("台灯");
        assertThat(vm.filteredRows()).extracting(StockRowViewModel::sellerSku).containsExactly("LAMP-RGB");

        vm.filterTextProperty().set("BIRMINGHAM");
        assertThat(vm.filteredRows()).extracting(r -> r.warehouse().id()).containsExactly("winit:UKBH");

        vm.filterTextProperty().set("goodcang");
        assertThat(vm.filteredRows()).hasSize(1);
        assertThat(vm.shownCountProperty().get()).isEqualTo(1);
        assertThat(vm.totalCountProperty().get()).isEqualTo(3);

        vm.filterTextProperty().set("  ");
        assertThat(vm.filteredRows()).hasSize(3);
    }

    @Test
    void filterByWarehousesCombinesWithText() {
        StockViewModel vm = started(FakeBoards.small());
        assertThat(vm.warehouseFilter().warehouses()).extracting(w -> w.id())
                .containsExactly("shipbob:228", "winit:UKBH", "goodcang:USEA");
        assertThat(vm.warehouseFilter().isAll()).isTrue();

        vm.warehouseFilter().choose(List.of(FakeBoards.WINIT_UK.id()));
        assertThat(vm.filteredRows()).extracting(r -> r.warehouse().id()).containsExactly("winit:UKBH");
        vm.warehouseFilter().choose(List.of(FakeBoards.WINIT_UK.id(), FakeBoards.GOODCANG_NJ.id()));
        assertThat(vm.filteredRows()).extracting(r -> r.warehouse().id())
                .containsExactlyInAnyOrder("winit:UKBH", "goodcang:USEA");

        vm.filterTextProperty().set("lamp");
        assertThat(vm.filteredRows()).extracting(r -> r.warehouse().id()).containsExactly("goodcang:USEA");

        vm.warehouseFilter().choose(List.of());
        assertThat(vm.filteredRows()).hasSize(1);
    }

    @Test
    void tilesSumTheChosenWarehouses() {
        StockViewModel vm = started(FakeBoards.small());
        vm.warehouseFilter().choose(List.of(FakeBoards.SHIPBOB_CA.id(), FakeBoards.WINIT_UK.id()));
        assertThat(vm.total(Bucket.ON_HAND).getSum()).isEqualTo(140L);
        assertThat(vm.total(Bucket.ON_HAND).getReporting()).isEqualTo(2);
        assertThat(vm.total(Bucket.ON_HAND).getWarehouses()).isEqualTo(2);
        // WINIT reports no in-transit: the sum is ShipBob's alone, and it says one of the two reports.
        assertThat(vm.total(Bucket.IN_TRANSIT).getSum()).isEqualTo(50L);
        assertThat(vm.total(Bucket.IN_TRANSIT).isPartial()).isTrue();
        assertThat(vm.total(StockViewModel.TIKTOK_AVAILABLE).getSum()).isEqualTo(112L);

        // GoodCang alone reports no QC hold at all: unknown, never 0.
        vm.warehouseFilter().choose(List.of(FakeBoards.GOODCANG_NJ.id()));
        assertThat(vm.total(Bucket.QC_HOLD).getSum()).isNull();
        assertThat(vm.total(Bucket.QC_HOLD).getWarehouses()).isEqualTo(1);

        vm.warehouseFilter().choose(List.of());
        assertThat(vm.total(Bucket.ON_HAND).getSum()).isEqualTo(150L);
        assertThat(vm.total(Bucket.ON_HAND).getWarehouses()).isEqualTo(3);
    }

    @Test
    void aChosenWarehouseThatLeavesTheBoardIsNoLongerChosen() {
        StockViewModel vm = started(FakeBoards.small());
        vm.warehouseFilter().choose(List.of(FakeBoards.WINIT_UK.id(), FakeBoards.GOODCANG_NJ.id()));
        StockBoard small = FakeBoards.small();
        vm.apply(new StockBoard(small.rows().stream().filter(r -> !r.warehouse().equals(FakeBoards.WINIT_UK)).toList(),
                List.of(FakeBoards.SHIPBOB_CA, FakeBoards.GOODCANG_NJ), small.sources()));
        assertThat(vm.warehouseFilter().chosen()).containsExactly(FakeBoards.GOODCANG_NJ.id());
        assertThat(vm.filteredRows()).extracting(r -> r.warehouse().id()).containsExactly("goodcang:USEA");
    }

    @Test
    void filterSurvivesANewSnapshot() {
        CountingReader reader = new CountingReader(FakeBoards.small());
        StockViewModel vm = new StockViewModel(reader, events, FakeBoards.CLOCK, WINDOW, SAME_THREAD, SAME_THREAD);
        vm.start();
        vm.filterTextProperty().set("lamp");
        events.fire();
        assertThat(vm.filteredRows()).hasSize(1);
    }

    @Test
    void staleExactlyAtTheWindowIsFreshAndOneSecondOverIsStale() {
        Instant at = NOW.minus(WINDOW);
        StockBoard board = new StockBoard(List.of(), List.of(), List.of(
                FakeBoards.fresh(FakeBoards.TIKTOK, at),
                new SourceFreshness(FakeBoards.SHIPBOB, null, null, "never ran", 0, 0, 0)));
        StockViewModel vm = started(board);
        FreshnessChipViewModel tiktok = vm.chips().stream().filter(FreshnessChipViewModel::isShop).findFirst().orElseThrow();
        FreshnessChipViewModel never = vm.chips().stream().filter(c -> !c.isShop()).findFirst().orElseThrow();

        assertThat(tiktok.getAge()).isEqualTo(WINDOW);
        assertThat(tiktok.isStale()).isFalse();
        assertThat(vm.isStale(at)).isFalse();

        vm.tick(NOW.plusSeconds(1));
        assertThat(tiktok.isStale()).isTrue();
        assertThat(vm.isStale(at)).isTrue();
        assertThat(tiktok.getAge()).isEqualTo(WINDOW.plusSeconds(1));

        // Never synced is stale whatever the time.
        assertThat(never.getAge()).isNull();
        assertThat(never.isStale()).isTrue();
    }

    @Test
    void chipsArePerWarehouseForWarehouseSourcesAndPerSourceForTheShopStaleFirst() {
        StockViewModel vm = started(FakeBoards.small());
        assertThat(vm.chips()).extracting(FreshnessChipViewModel::sourceName, FreshnessChipViewModel::warehouseName)
                .containsExactly(
                        Tuple.tuple("GoodCang 谷仓", "New Jersey (US-East)"),
                        Tuple.tuple("ShipBob", "Moreno Valley (CA)"),
                        Tuple.tuple("WINIT 万邑通", "Birmingham (UK)"),
                        Tuple.tuple("TikTok Shop", null));
        assertThat(vm.chips()).filteredOn(FreshnessChipViewModel::isStale)
                .extracting(FreshnessChipViewModel::sourceName).containsExactly("GoodCang 谷仓");
    }

    @Test
    void gapCountAndGapsOnlyFilter() {
        StockViewModel vm = started(FakeBoards.small());
        assertThat(vm.gapCountProperty().get()).isEqualTo(1);
        vm.gapsOnlyProperty().set(true);
        assertThat(vm.filteredRows()).extracting(StockRowViewModel::gap).containsExactly(2);
        vm.filterTextProperty().set("lamp");
        assertThat(vm.filteredRows()).isEmpty();
    }

    @Test
    void rowsWithTheWidestGapComeFirst() {
        StockViewModel vm = started(FakeBoards.small());
        assertThat(vm.allRows().get(0).gap()).isEqualTo(2);
        assertThat(vm.allRows()).extracting(StockRowViewModel::gap).filteredOn(g -> g != null && g != 0).hasSize(1);
        List<StockRowViewModel> rest = vm.allRows().subList(1, vm.allRows().size());
        assertThat(rest).extracting(StockRowViewModel::sellerSku).isSorted();
    }

    @Test
    void startReadsOnceAndEachEventReadsOnceMoreAndAppliesOnce() {
        CountingReader reader = new CountingReader(FakeBoards.small());
        AtomicInteger uiCalls = new AtomicInteger();
        Executor ui = r -> {
            uiCalls.incrementAndGet();
            r.run();
        };
        StockViewModel vm = new StockViewModel(reader, events, FakeBoards.CLOCK, WINDOW, SAME_THREAD, ui);
        vm.start();
        assertThat(reader.reads).hasValue(1);
        assertThat(uiCalls).hasValue(1);

        events.fire();
        events.fire();
        assertThat(reader.reads).hasValue(3);
        assertThat(uiCalls).hasValue(3);
        assertThat(vm.appliedSnapshotsProperty().get()).isEqualTo(3);
    }

    @Test
    void eachSnapshotIsAtMostOneChangeAndTouchesOnlyTheChangedRows() {
        StockBoard first = FakeBoards.large();
        CountingReader reader = new CountingReader(first);
        StockViewModel vm = new StockViewModel(reader, events, FakeBoards.CLOCK, WINDOW, SAME_THREAD, SAME_THREAD);
        AtomicInteger changes = new AtomicInteger();
        vm.sortedRows().addListener((ListChangeListener<StockRowViewModel>) c -> changes.incrementAndGet());
        vm.start();
        assertThat(changes).hasValue(1);
        List<StockRowViewModel> before = List.copyOf(vm.allRows());

        // The same figures again: nothing on show changes.
        events.fire();
        assertThat(changes).hasValue(1);
        assertThat(vm.appliedSnapshotsProperty().get()).isEqualTo(2);

        // Three rows change: one change, the other rows are the same objects.
        List<BoardRow> rows = new ArrayList<>(first.rows());
        for (int i : new int[] {4, 50, 200}) {
            BoardRow r = rows.get(i);
            rows.set(i, new BoardRow(r.sku(), r.warehouse(), new StockLevel(999, 990, 9, 0, 0, 0, 0),
                    r.tiktokAvailable(), r.tiktokCommitted(), r.warehouseSnapshotAt(), r.tiktokSnapshotAt()));
        }
        reader.board = new StockBoard(rows, first.warehouses(), first.sources());
        events.fire();
        assertThat(changes).hasValue(2);
        assertThat(vm.allRows()).hasSize(before.size());
        long kept = vm.allRows().stream().filter(r -> before.stream().anyMatch(b -> b == r)).count();
        assertThat(kept).isEqualTo(before.size() - 3);
        assertThat(vm.sortedRows()).containsExactlyElementsOf(vm.allRows());
    }

    @Test
    void newerReadingsOfTheSameFiguresKeepTheRowsAndMoveTheirTimes() {
        StockBoard first = FakeBoards.small();
        CountingReader reader = new CountingReader(first);
        StockViewModel vm = new StockViewModel(reader, events, FakeBoards.CLOCK, WINDOW, SAME_THREAD, SAME_THREAD);
        AtomicInteger changes = new AtomicInteger();
        vm.sortedRows().addListener((ListChangeListener<StockRowViewModel>) c -> changes.incrementAndGet());
        vm.start();
        StockRowViewModel mug = row(vm, "MUG-001", "shipbob:228");
        Instant later = NOW.plusSeconds(10);
        reader.board = new StockBoard(first.rows().stream().map(r -> new BoardRow(r.sku(), r.warehouse(), r.level(),
                r.tiktokAvailable(), r.tiktokCommitted(), later, r.tiktokSnapshotAt())).toList(),
                first.warehouses(), first.sources());
        events.fire();
        assertThat(changes).hasValue(1);
        assertThat(row(vm, "MUG-001", "shipbob:228")).isSameAs(mug);
        assertThat(mug.warehouseSnapshotAt()).isEqualTo(later);
        assertThat(mug.row().warehouseSnapshotAt()).isEqualTo(later);
    }

    @Test
    void aSortedTableStaysSortedThroughADiffApply() {
        StockBoard first = FakeBoards.large();
        CountingReader reader = new CountingReader(first);
        StockViewModel vm = new StockViewModel(reader, events, FakeBoards.CLOCK, WINDOW, SAME_THREAD, SAME_THREAD);
        vm.start();
        Comparator<StockRowViewModel> byAvailable = Comparator.comparing(
                (StockRowViewModel r) -> r.bucket(Bucket.AVAILABLE), Comparator.nullsLast(Integer::compare));
        vm.sortedRows().setComparator(byAvailable);
        List<BoardRow> rows = new ArrayList<>(first.rows());
        for (int i = 0; i < rows.size(); i += 7) {
            BoardRow r = rows.get(i);
            rows.set(i, new BoardRow(r.sku(), r.warehouse(), new StockLevel(i, (i * 31) % 400, 0, 0, 0, 0, 0),
                    r.tiktokAvailable(), r.tiktokCommitted(), r.warehouseSnapshotAt(), r.tiktokSnapshotAt()));
        }
        reader.board = new StockBoard(rows, first.warehouses(), first.sources());
        events.fire();
        List<StockRowViewModel> expected = new ArrayList<>(vm.allRows());
        expected.sort(byAvailable);
        assertThat(vm.sortedRows()).extracting(r -> r.bucket(Bucket.AVAILABLE))
                .containsExactlyElementsOf(expected.stream().map(r -> r.bucket(Bucket.AVAILABLE)).toList());
        assertThat(vm.sortedRows()).hasSameSizeAs(vm.allRows());
    }

    @Test
    void chipsSaySyncingWithTheRequestsSoFarAndLiveThroughSnapshots() {
        Map<String, SyncProgress.Running> running = new ConcurrentHashMap<>();
        StockViewModel vm = new StockViewModel(new CountingReader(FakeBoards.small()), events, FakeBoards.CLOCK,
                WINDOW, SAME_THREAD, SAME_THREAD).withProgress(() -> Map.copyOf(running));
        vm.start();
        FreshnessChipViewModel shop = vm.chips().stream().filter(FreshnessChipViewModel::isShop).findFirst()
                .orElseThrow();
        assertThat(shop.state()).isEqualTo(FreshnessChipViewModel.State.DONE);
        FreshnessChipViewModel goodcang = vm.chips().stream()
                .filter(c -> c.freshness().source().id().startsWith("goodcang")).findFirst().orElseThrow();
        assertThat(goodcang.state()).isEqualTo(FreshnessChipViewModel.State.FAILED);

        String shopId = shop.freshness().source().id();
        running.put(shopId, new SyncProgress.Running(shopId, NOW, 17));
        vm.tick(NOW.plusSeconds(1));
        assertThat(shop.state()).isEqualTo(FreshnessChipViewModel.State.SYNCING);
        assertThat(shop.syncingProperty().get().requests()).isEqualTo(17);

        // The next snapshot updates the same chips in place.
        List<FreshnessChipViewModel> before = List.copyOf(vm.chips());
        running.clear();
        events.fire();
        assertThat(vm.chips()).hasSize(before.size());
        for (int i = 0; i < before.size(); i++) {
            assertThat(vm.chips().get(i)).isSameAs(before.get(i));
        }
        assertThat(shop.state()).isEqualTo(FreshnessChipViewModel.State.DONE);
    }

    @Test
    void burstsOfEventsCoalesceIntoOneRead() {
        CountingReader reader = new CountingReader(FakeBoards.small());
        Queue<Runnable> background = new ArrayDeque<>();
        StockViewModel vm = new StockViewModel(reader, events, FakeBoards.CLOCK, WINDOW, background::add, SAME_THREAD);
        vm.start();
        events.fire();
        events.fire();
        events.fire();
        assertThat(background).hasSize(1);

        background.poll().run();
        assertThat(reader.reads).hasValue(1);
        assertThat(vm.appliedSnapshotsProperty().get()).isEqualTo(1);

        // Once the queued read has started, a new event must queue another: it may carry newer data.
        events.fire();
        assertThat(background).hasSize(1);
        background.poll().run();
        assertThat(reader.reads).hasValue(2);
    }

    @Test
    void closeUnsubscribesAndDropsReadsInFlight() {
        CountingReader reader = new CountingReader(FakeBoards.small());
        Queue<Runnable> background = new ArrayDeque<>();
        StockViewModel vm = new StockViewModel(reader, events, FakeBoards.CLOCK, WINDOW, background::add, SAME_THREAD);
        vm.start();
        assertThat(events.subscribers()).isEqualTo(1);

        vm.close();
        assertThat(events.subscribers()).isZero();
        background.poll().run();
        events.fire();
        vm.refresh();
        assertThat(reader.reads).hasValue(0);
        assertThat(background).isEmpty();
        assertThat(vm.appliedSnapshotsProperty().get()).isZero();
    }

    @Test
    void aFailedReadIsReportedAndTheNextGoodReadClearsIt() {
        AtomicInteger calls = new AtomicInteger();
        StockBoardReader flaky = () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database is locked");
            }
            return FakeBoards.small();
        };
        StockViewModel vm = new StockViewModel(flaky, events, FakeBoards.CLOCK, WINDOW, SAME_THREAD, SAME_THREAD);
        vm.start();
        assertThat(vm.loadErrorProperty().get()).isEqualTo("database is locked");
        events.fire();
        assertThat(vm.loadErrorProperty().get()).isNull();
        assertThat(vm.allRows()).hasSize(3);
    }

    @Test
    void returnsPoolIsPerSkuZeroWhenKnownAndEmptyAndUnknownBeforeAnyRead() {
        ReturnItem unit = new ReturnItem("shop", "R1", "O1", "L1", "MUG-001",
                "t1", "RETURN_AND_REFUND", "BUYER_SHIPPED_ITEM", ReturnStage.IN_TRANSIT_BACK,
                NOW, NOW);
        ReturnsPoolReader pool = () -> List.of(unit, unit);
        StockViewModel vm = new StockViewModel(new CountingReader(FakeBoards.small()), pool, events, FakeBoards.CLOCK,
                WINDOW, SAME_THREAD, SAME_THREAD);
        vm.start();
        assertThat(row(vm, "MUG-001", FakeBoards.SHIPBOB_CA.id()).returnsPool()).isEqualTo(2);
        assertThat(row(vm, "MUG-001", FakeBoards.WINIT_UK.id()).returnsPool()).as("per SKU").isEqualTo(2);
        assertThat(row(vm, "LAMP-RGB", FakeBoards.GOODCANG_NJ.id()).returnsPool()).as("known, none open").isZero();

        StockViewModel unknown = started(FakeBoards.small());
        assertThat(unknown.allRows()).allSatisfy(r -> assertThat(r.returnsPool()).isNull());
    }

    @Test
    void teamModeChipsSayWhoPollsEachSourceAndALoneWorkspaceSaysNothing() {
        StockBoard board = new StockBoard(List.of(), List.of(), List.of(
                FakeBoards.fresh(FakeBoards.TIKTOK, NOW), FakeBoards.fresh(FakeBoards.SHIPBOB, NOW)));
        Map<String, PollerLeases.Poller> polled = Map.of(
                FakeBoards.TIKTOK.id(), new PollerLeases.Poller(FakeBoards.TIKTOK.id(), "me:1",
                        NOW, true),
                FakeBoards.SHIPBOB.id(), new PollerLeases.Poller(FakeBoards.SHIPBOB.id(),
                        "server:42", NOW, false));
        PollerLeases team = new PollerLeases() {
            @Override
            public String desk() {
                return "me:1";
            }

            @Override
            public boolean shared() {
                return true;
            }

            @Override
            public boolean holds(String sourceId) {
                return sourceId.equals(FakeBoards.TIKTOK.id());
            }

            @Override
            public Optional<Poller> poller(String sourceId) {
                return Optional.ofNullable(polled.get(sourceId));
            }

            @Override
            public Duration period() {
                return Duration.ofSeconds(10);
            }

            @Override
            public AutoCloseable subscribe(Consumer<String> changed) {
                return () -> { };
            }

            @Override
            public void close() {
            }
        };
        StockViewModel vm = new StockViewModel(new CountingReader(board), events, FakeBoards.CLOCK, WINDOW, SAME_THREAD,
                SAME_THREAD).withPollers(team);
        vm.start();
        FreshnessChipViewModel shop = vm.chips().stream().filter(FreshnessChipViewModel::isShop).findFirst().orElseThrow();
        FreshnessChipViewModel warehouse = vm.chips().stream().filter(c -> !c.isShop()).findFirst().orElseThrow();
        assertThat(shop.polling()).isEqualTo(new FreshnessChipViewModel.Polling("me:1", true));
        assertThat(warehouse.polling()).isEqualTo(new FreshnessChipViewModel.Polling("server:42", false));

        StockViewModel alone = new StockViewModel(new CountingReader(board), events, FakeBoards.CLOCK, WINDOW,
                SAME_THREAD, SAME_THREAD).withPollers(PollerLeases.local("me:1"));
        alone.start();
        assertThat(alone.chips()).allSatisfy(c -> assertThat(c.polling()).isNull());
    }

    // ---- gaps between readings of one sync cycle (PairedGaps) ------------------------------------------

    /** One cycle of a tiny world: ShipBob and TikTok, each side's reading and run times given. */
    private static StockBoard cycle(Instant warehouseAt, Instant warehouseRun, Instant tiktokAt, Instant tiktokRun,
                                    int mugAvailable, int mugTiktok, int lampAvailable, int lampTiktok) {
        var mug = FakeBoards.sku("MUG-001", "Ceramic mug");
        var lamp = FakeBoards.sku("LAMP-RGB", "Desk lamp");
        List<BoardRow> rows = List.of(
                new BoardRow(mug, FakeBoards.SHIPBOB_CA,
                        new StockLevel(mugAvailable, mugAvailable, 0, 0, 0, 0, 0), mugTiktok, 0, warehouseAt, tiktokAt),
                new BoardRow(lamp, FakeBoards.SHIPBOB_CA,
                        new StockLevel(lampAvailable, lampAvailable, 0, 0, 0, 0, 0), lampTiktok, 0, warehouseAt,
                        tiktokAt));
        return new StockBoard(rows, List.of(FakeBoards.SHIPBOB_CA), List.of(
                new SourceFreshness(FakeBoards.SHIPBOB, warehouseAt, warehouseRun, null, 2, 1, 100),
                new SourceFreshness(FakeBoards.TIKTOK, tiktokAt, tiktokRun, null, 2, 1, 100)));
    }

    private static final Instant CYCLE_0 = NOW.minusSeconds(20);
    private static final Instant CYCLE_1 = NOW.minusSeconds(10);

    @Test
    void gapsHoldStillBetweenAWarehouseOnlyAndATikTokOnlySyncOfOneCycle() {
        // Cycle 0 complete: the mug is 3 apart (a real gap), the lamp agrees.
        CountingReader reader = new CountingReader(cycle(CYCLE_0.plusSeconds(1), CYCLE_0, CYCLE_0.plusSeconds(3),
                CYCLE_0, 100, 103, 50, 50));
        StockViewModel vm = new StockViewModel(reader, events, FakeBoards.CLOCK, WINDOW, SAME_THREAD, SAME_THREAD);
        vm.start();
        vm.gapsOnlyProperty().set(true);
        assertThat(vm.gapCountProperty().get()).isEqualTo(1);
        assertThat(vm.filteredRows()).extracting(StockRowViewModel::sellerSku).containsExactly("MUG-001");
        List<Integer> before = vm.sortedRows().stream().map(StockRowViewModel::gap).toList();

        // Cycle 1, warehouse only: 162 lamps arrived and 40 mugs sold at the warehouse; TikTok's run is under
        // way and has not landed. Its old figures against the new ones would be gaps of +40 and -162.
        reader.board = cycle(CYCLE_1.plusSeconds(1), CYCLE_1, CYCLE_0.plusSeconds(3), CYCLE_1, 60, 103, 212, 50);
        events.fire();
        assertThat(vm.sortedRows()).extracting(StockRowViewModel::gap).isEqualTo(before);
        assertThat(vm.gapCountProperty().get()).isEqualTo(1);
        assertThat(vm.filteredRows()).extracting(StockRowViewModel::sellerSku).containsExactly("MUG-001");
        assertThat(vm.allRows()).allSatisfy(r -> {
            assertThat(r.gapPending()).isTrue();
            assertThat(r.awaitingTikTok()).isTrue();
        });
        // The warehouse's own figures are shown as they are now.
        assertThat(row(vm, "LAMP-RGB", "shipbob:228").bucket(Bucket.AVAILABLE)).isEqualTo(212);

        // Cycle 1, TikTok lands: the pair is complete again and its own gap shows.
        reader.board = cycle(CYCLE_1.plusSeconds(1), CYCLE_1, CYCLE_1.plusSeconds(4), CYCLE_1, 60, 63, 212, 212);
        events.fire();
        assertThat(vm.allRows()).noneMatch(StockRowViewModel::gapPending);
        assertThat(vm.sortedRows()).extracting(StockRowViewModel::gap).isEqualTo(before);
        assertThat(vm.filteredRows()).hasSize(1);
    }

    @Test
    void whenTikTokLandsFirstTheRowWaitsForTheWarehouse() {
        CountingReader reader = new CountingReader(cycle(CYCLE_0.plusSeconds(2), CYCLE_0, CYCLE_0.plusSeconds(1),
                CYCLE_0, 100, 100, 50, 50));
        StockViewModel vm = new StockViewModel(reader, events, FakeBoards.CLOCK, WINDOW, SAME_THREAD, SAME_THREAD);
        vm.start();
        assertThat(vm.gapCountProperty().get()).isZero();

        reader.board = cycle(CYCLE_0.plusSeconds(2), CYCLE_1, CYCLE_1.plusSeconds(1), CYCLE_1, 100, 90, 50, 50);
        events.fire();
        assertThat(vm.gapCountProperty().get()).isZero();
        assertThat(row(vm, "MUG-001", "shipbob:228").gapPending()).isTrue();
        assertThat(row(vm, "MUG-001", "shipbob:228").awaitingTikTok()).isFalse();
        assertThat(row(vm, "MUG-001", "shipbob:228").gap()).isZero();
    }

    @Test
    void aFailedRunEndsTheWaitAndTheGapOfTheReadingsAtHandShows() {
        CountingReader reader = new CountingReader(cycle(CYCLE_0.plusSeconds(1), CYCLE_0, CYCLE_0.plusSeconds(3),
                CYCLE_0, 100, 100, 50, 50));
        StockViewModel vm = new StockViewModel(reader, events, FakeBoards.CLOCK, WINDOW, SAME_THREAD, SAME_THREAD);
        vm.start();
        StockBoard warehouseOnly = cycle(CYCLE_1.plusSeconds(1), CYCLE_1, CYCLE_0.plusSeconds(3), CYCLE_1,
                60, 100, 50, 50);
        List<SourceFreshness> failed = List.of(warehouseOnly.sources().get(0),
                new SourceFreshness(FakeBoards.TIKTOK, CYCLE_0.plusSeconds(3), CYCLE_1, "HTTP 503", 0, 1, 100));
        reader.board = new StockBoard(warehouseOnly.rows(), warehouseOnly.warehouses(), failed);
        events.fire();
        assertThat(row(vm, "MUG-001", "shipbob:228").gapPending()).isFalse();
        assertThat(row(vm, "MUG-001", "shipbob:228").gap()).isEqualTo(40);
    }

    @Test
    void aRunUnderWayForLongerThanTheStalenessWindowWasAbandonedAndHoldsNothing() {
        Instant longAgo = NOW.minus(WINDOW).minusSeconds(1);
        StockBoard board = cycle(CYCLE_1.plusSeconds(1), CYCLE_1, longAgo.minusSeconds(30), longAgo,
                60, 100, 50, 50);
        StockViewModel vm = started(board);
        assertThat(row(vm, "MUG-001", "shipbob:228").gapPending()).isFalse();
        assertThat(row(vm, "MUG-001", "shipbob:228").gap()).isEqualTo(40);
    }
}
