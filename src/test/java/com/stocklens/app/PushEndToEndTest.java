package com.stocklens.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.domain.CalibrationState;
import com.stocklens.domain.PushRefusal;
import com.stocklens.sandbox.Fault;
import com.stocklens.sandbox.SandboxClock;
import com.stocklens.service.BoardRow;
import com.stocklens.service.PushLine;
import com.stocklens.service.PushPlan;
import com.stocklens.service.PushRecord;
import com.stocklens.service.PushScope;
import com.stocklens.service.PushSettings;
import com.stocklens.service.PushedLine;
import com.stocklens.service.StockPushes;
import com.stocklens.service.TaskRow;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 on the demo, end to end: sandbox → TikTok connector → store → push service. The sandbox clock stands
 * still unless a test moves it, so TikTok's figures do not move between plan and apply.
 */
class PushEndToEndTest {
    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path dir;

    private SandboxClock clock;
    private AppRuntime runtime;
    private StockPushes pushes;

    @BeforeEach
    void open() {
        clock = new SandboxClock(Instant.parse("2026-11-27T06:00:00Z"));
        runtime = AppRuntime.open(new LaunchOptions(true, dir, null, Duration.ofSeconds(10), Duration.ofMinutes(15)),
                clock);
        pushes = runtime.stockPushes();
        sync();
    }

    /** A sync cycle of the demo without the 28 days of orders and returns (none of this needs them). */
    private void sync() {
        runtime.syncEngine().syncAllOnce();
        runtime.importDemoSpreadsheets();
        runtime.flagEngine().evaluateNow();
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    private TaskRow openShipBobTask() {
        return runtime.flagReader().read().tasks().stream()
                .filter(t -> t.task().state() == CalibrationState.OPEN && t.task().warehouseId().startsWith("shipbob:"))
                .findFirst().orElseThrow();
    }

    private BoardRow row(String sku, String warehouse) {
        return runtime.boardReader().read().rows().stream()
                .filter(r -> r.sku().sellerSku().equals(sku) && r.warehouse().id().equals(warehouse))
                .findFirst().orElseThrow();
    }

    @Test
    void aPushForACalibrationTaskFollowedByASyncResolvesItAndUndoPutsTikToksFigureBack() {
        TaskRow task = openShipBobTask();
        long id = task.task().id();
        PushPlan plan = pushes.plan(PushScope.task(id));

        assertThat(plan.taskId()).isEqualTo(id);
        assertThat(plan.items()).singleElement().satisfies(l -> {
            assertThat(l.before()).isEqualTo(task.task().tiktokQuantity());
            assertThat(l.after()).isEqualTo(task.task().warehouseQuantity());
            assertThat(l.reason()).startsWith("warehouse available " + task.task().warehouseQuantity());
        });
        List<String> progress = new ArrayList<>();
        PushRecord push = pushes.apply(plan.id(), "amy", (done, all) -> progress.add(done + "/" + all));

        assertThat(push.status()).isEqualTo(PushRecord.Status.ACCEPTED);
        assertThat(push.by()).isEqualTo("amy");
        assertThat(push.taskId()).isEqualTo(id);
        assertThat(progress).containsExactly("1/1");

        sync();
        assertThat(runtime.flagReader().read().tasks()).as("the task resolved itself")
                .noneMatch(t -> t.task().id() == id);
        BoardRow fixed = row(task.task().sellerSku(), task.task().warehouseId());
        assertThat(fixed.tiktokAvailable()).as("gap 0").isEqualTo(fixed.level().available());
        assertThat(pushes.forTask(id)).extracting(PushRecord::id).containsExactly(push.id());
        assertThat(pushes.forSku(task.task().sellerSku(), 10)).extracting(PushRecord::id).contains(push.id());

        PushRecord undo = pushes.undo(push.id(), "amy");
        assertThat(undo.status()).isEqualTo(PushRecord.Status.ACCEPTED);
        assertThat(undo.undoOf()).isEqualTo(push.id());
        sync();
        assertThat(row(task.task().sellerSku(), task.task().warehouseId()).tiktokAvailable())
                .isEqualTo(task.task().tiktokQuantity());
        assertThat(pushes.history(10)).extracting(PushRecord::id).containsExactly(undo.id(), push.id());

        // Someone changed the figure on TikTok since: undoing again would overwrite it, so it is refused.
        PushLine line = push.lines().getFirst().line();
        runtime.sandbox().world().setTikTokAvailable(line.tiktokWarehouseId(),
                skuIndex(line.sellerSku()), task.task().tiktokQuantity() + 3);
        PushRecord refused = pushes.undo(undo.id(), "amy");
        assertThat(refused.status()).isEqualTo(PushRecord.Status.REFUSED);
        assertThat(refused.lines().getFirst().refusal()).isEqualTo(PushRefusal.UNDO_MOVED);
        assertThat(refused.lines().getFirst().problem()).startsWith("TikTok's figure is "
                + (task.task().tiktokQuantity() + 3) + " now, no longer the " + task.task().tiktokQuantity());
    }

    private int skuIndex(String sellerSku) {
        return runtime.sandbox().world().skus().stream().filter(s -> s.sellerSku().equals(sellerSku)).findFirst()
                .orElseThrow().index();
    }

    @Test
    void theCsvWarehousesSkusArePlannedAndAPlanFromAStaleSnapshotIsRefusedInPlainWords() {
        PushPlan csv = pushes.plan(PushScope.csv());

        assertThat(csv.items()).isNotEmpty().allSatisfy(l -> {
            assertThat(l.warehouseId()).isEqualTo("csv:PH-MNL");
            assertThat(l.tiktokWarehouseId()).isEqualTo("7301234567890123421");
            assertThat(l.before()).isNotNull().isNotEqualTo(l.after());
        });
        assertThat(csv.refused()).extracting(PushLine::refusal).containsOnly(PushRefusal.NOT_ASSIGNED);

        clock.advance(Duration.ofMinutes(20));
        PushPlan stale = pushes.plan(PushScope.csv());
        assertThat(stale.items()).isEmpty();
        assertThat(stale.refused()).isNotEmpty().allSatisfy(l -> {
            assertThat(l.refusal()).isEqualTo(PushRefusal.STALE_WAREHOUSE);
            assertThat(l.reason()).isEqualTo("the stock of Manila partner warehouse is 20 min old, older than the "
                    + "15-min sync window: sync or import a fresh file first");
        });
        assertThatThrownBy(() -> pushes.apply(csv.id(), "amy", null))
                .isInstanceOf(StockPushes.PlanUnavailableException.class)
                .hasMessageContaining("made 20 min ago");
        assertThatThrownBy(() -> pushes.apply("p-nothing", "amy", null))
                .isInstanceOf(StockPushes.PlanUnavailableException.class);
    }

    @Test
    void aPlanIsCheckedAgainBeforeSending() {
        PushPlan plan = pushes.plan(PushScope.csv());
        PushLine first = plan.items().getFirst();
        // TikTok's figure moves between the plan and the apply (an order): that line is refused, the rest goes.
        runtime.sandbox().world().setTikTokAvailable(first.tiktokWarehouseId(), skuIndex(first.sellerSku()),
                first.before() - 1);

        PushRecord push = pushes.apply(plan.id(), "amy", null);

        assertThat(push.status()).isEqualTo(PushRecord.Status.PARTIAL);
        PushedLine moved = push.lines().stream().filter(l -> l.line().sellerSku().equals(first.sellerSku()))
                .findFirst().orElseThrow();
        assertThat(moved.refusal()).isEqualTo(PushRefusal.TIKTOK_MOVED);
        assertThat(moved.problem()).isEqualTo("TikTok's figure moved since the plan (" + first.before() + " → "
                + (first.before() - 1) + "), probably an order: plan again");
    }

    @Test
    void partialFailuresPromotionLocksAndARevokedScopeAreReportedPerLineInPlainWords() {
        ManilaDrift.drift(runtime, 5);
        sync();
        PushPlan plan = pushes.plan(PushScope.csv());
        assertThat(plan.items()).hasSizeGreaterThanOrEqualTo(4);
        runtime.sandbox().faults().next("/product/202309/products/", 1, Fault.PARTIAL_FAILURE);
        String locked = plan.items().get(1).sellerSku();
        runtime.sandbox().lockTikTokStockForPromotion(locked, 100_000);

        PushRecord push = pushes.apply(plan.id(), "amy", null);

        assertThat(push.status()).isEqualTo(PushRecord.Status.PARTIAL);
        assertThat(push.lines()).filteredOn(l -> l.outcome() == PushedLine.Outcome.REFUSED)
                .extracting(PushedLine::refusal)
                .contains(PushRefusal.PROMOTION_LOCKED);
        PushedLine promo = push.lines().stream().filter(l -> l.line().sellerSku().equals(locked)).findFirst()
                .orElseThrow();
        assertThat(promo.tiktokCode()).isEqualTo("12052393");
        assertThat(promo.problem()).startsWith("TikTok holds this stock for a promotion").contains("100000");
        assertThat(push.lines()).anySatisfy(l -> assertThat(l.refusal()).isIn(PushRefusal.WAREHOUSE_DISABLED,
                PushRefusal.PRODUCT_NOT_ACTIVE));
        assertThat(push.accepted()).isPositive();

        runtime.sandbox().revokeTikTokScope("seller.product.write");
        TaskRow task = openShipBobTask();
        PushRecord revoked = pushes.apply(pushes.plan(PushScope.task(task.task().id())).id(), "amy", null);
        assertThat(revoked.status()).isEqualTo(PushRecord.Status.REFUSED);
        assertThat(revoked.lines().getFirst().refusal()).isEqualTo(PushRefusal.SCOPE_MISSING);
        assertThat(revoked.lines().getFirst().problem()).contains("seller.product.write");
    }

    @Test
    void zeroIsProbedOnceAndTheShopsAnswerIsKept() throws IOException {
        // The partner warehouse runs out of one listed SKU: the plan sets 0, which this shop does not take.
        PushPlan before = pushes.plan(PushScope.csv());
        String gone = before.items().getFirst().sellerSku();
        importSheet(cells -> cells[0].equals(gone) ? zero(cells) : cells);
        PushPlan plan = pushes.plan(PushScope.csv());
        assertThat(plan.items()).anySatisfy(l -> {
            assertThat(l.sellerSku()).isEqualTo(gone);
            assertThat(l.after()).isZero();
        });

        PushRecord push = pushes.apply(plan.id(), "amy", null);

        PushedLine probe = push.lines().stream().filter(l -> l.line().sellerSku().equals(gone)).findFirst().orElseThrow();
        assertThat(probe.refusal()).isEqualTo(PushRefusal.ZERO_NOT_ACCEPTED);
        assertThat(probe.tiktokMessage()).contains("between 1 and 99999");
        assertThat(push.lines()).filteredOn(l -> !l.line().sellerSku().equals(gone))
                .allMatch(l -> l.outcome() == PushedLine.Outcome.ACCEPTED || l.refusal() == PushRefusal.PRODUCT_NOT_ACTIVE);
        // Remembered for the shop: the next plan refuses 0 at once, and 1 is never sent instead.
        PushPlan again = pushes.plan(PushScope.csv());
        assertThat(again.refused()).anySatisfy(l -> {
            assertThat(l.sellerSku()).isEqualTo(gone);
            assertThat(l.refusal()).isEqualTo(PushRefusal.ZERO_NOT_ACCEPTED);
        });
        assertThat(again.items()).noneMatch(l -> l.sellerSku().equals(gone));
    }

    @Test
    void automaticPushesAreOffByDefaultCappedAndStopAtTheFirstRefusal() throws Exception {
        assertThat(pushes.settings()).isEqualTo(PushSettings.DEFAULTS);
        assertThat(pushes.history(10)).as("nothing pushed on its own").isEmpty();

        pushes.saveSettings(new PushSettings(0, 5, Set.of("csv:PH-MNL"), false), "amy");
        importSheet(cells -> less(cells, 2));
        PushRecord capped = awaitPushes(1).getFirst();
        assertThat(capped.automatic()).isTrue();
        assertThat(capped.by()).isEqualTo("auto");
        assertThat(capped.status()).isEqualTo(PushRecord.Status.REFUSED);
        assertThat(capped.lines()).allSatisfy(l -> assertThat(l.refusal()).isEqualTo(PushRefusal.DAILY_CAP));

        pushes.saveSettings(new PushSettings(0, 100_000, Set.of("csv:PH-MNL"), false), "amy");
        importSheet(cells -> less(cells, 3));
        PushRecord sent = awaitPushes(2).getFirst();
        assertThat(sent.accepted()).isPositive();

        runtime.sandbox().revokeTikTokScope("seller.product.write");
        importSheet(cells -> less(cells, 4));
        PushRecord stopped = awaitPushes(3).getFirst();
        assertThat(stopped.lines().getFirst().refusal()).isEqualTo(PushRefusal.SCOPE_MISSING);
        assertThat(stopped.lines().subList(1, stopped.lines().size())).allSatisfy(l ->
                assertThat(l.outcome()).isIn(PushedLine.Outcome.NOT_SENT, PushedLine.Outcome.REFUSED));
        assertThat(stopped.lines()).anySatisfy(l -> assertThat(l.refusal()).isEqualTo(PushRefusal.NOT_SENT_AFTER_REFUSAL));
        // The push's record is finished before the setting is turned off (the same task, one step later).
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!pushes.settings().autoCsv().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(pushes.settings().autoCsv()).as("turned off by the refusal").isEmpty();
    }

    private List<PushRecord> awaitPushes(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<PushRecord> h = pushes.history(10);
            if (h.size() >= count && h.getFirst().status() != PushRecord.Status.SENDING) {
                return h;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no automatic push after 30 s: " + pushes.history(10));
    }

    private static String[] zero(String[] cells) {
        String[] c = cells.clone();
        c[3] = "0";
        c[4] = "0";
        c[5] = "0";
        return c;
    }

    private static String[] less(String[] cells, int units) {
        String[] c = cells.clone();
        int available = Math.max(0, Integer.parseInt(c[4]) - units);
        int onHand = Math.max(0, Integer.parseInt(c[3]) - units);
        c[4] = Integer.toString(available);
        c[3] = Integer.toString(Math.max(onHand, available));
        return c;
    }

    /** A new stock sheet of the Manila warehouse, edited row by row, imported at the clock's now. */
    private void importSheet(Function<String[], String[]> edit) throws IOException {
        Path sheet = dir.resolve("demo").resolve("imports").resolve("PH-MNL-stock.csv");
        List<String> lines = Files.readAllLines(sheet, GBK);
        List<String> out = new ArrayList<>(lines.subList(0, 2));
        for (String line : lines.subList(2, lines.size())) {
            out.add(String.join(",", edit.apply(line.split(",", -1))));
        }
        Path edited = dir.resolve("edited-" + System.nanoTime() + ".csv");
        Files.write(edited, (String.join("\r\n", out) + "\r\n").getBytes(GBK));
        Files.setLastModifiedTime(edited, FileTime.from(clock.instant()));
        assertThat(runtime.stockImports().importFile(edited, "PH-MNL", null, null).imported()).isTrue();
    }
}
