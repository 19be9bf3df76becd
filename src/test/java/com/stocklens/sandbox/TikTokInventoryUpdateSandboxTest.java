package com.stocklens.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.connector.tiktok.ScopeMissingException;
import com.stocklens.connector.tiktok.TikTokClient;
import com.stocklens.connector.tiktok.TikTokConfig;
import com.stocklens.connector.tiktok.TikTokInventoryWriter;
import com.stocklens.connector.tiktok.TikTokInventoryWriter.ItemError;
import com.stocklens.connector.tiktok.TikTokInventoryWriter.LiveSku;
import com.stocklens.connector.tiktok.TikTokInventoryWriter.SkuUpdate;
import com.stocklens.domain.PushRefusal;
import com.stocklens.sandbox.SandboxHttp.Answer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox's Update Inventory (docs/api/tiktok-shop.md §5.5) through the real connector: its checks and
 * codes, and accepted writes applied to the world so TikTok's figure follows the warehouse afterwards.
 */
class TikTokInventoryUpdateSandboxTest extends RunningSandbox {
    private static final String US_SHOP = "7495987654321098765";
    private static final String US_228 = "7301234567890123401";
    private static final String US_156 = "7301234567890123402";

    private TikTokInventoryWriter writer;

    TikTokInventoryUpdateSandboxTest() {
        super(99, Duration.ofMinutes(20));
    }

    @BeforeEach
    void connect() {
        server.setRateLimiting(false);
        TikTokClient client = new TikTokClient(TikTokConfig.of(server.tiktokBaseUrl(), SandboxCredentials.TIKTOK_APP_KEY,
                SandboxCredentials.TIKTOK_APP_SECRET, SandboxCredentials.TIKTOK_ACCESS_TOKEN), new HttpClientFactory(),
                clock);
        writer = new TikTokInventoryWriter(client);
    }

    /** A listed US SKU with an available-figure drift in FC 228 or 156. */
    private Drift usDrift() {
        return world.view().drifts().stream()
                .filter(d -> d.kind() != Drift.Kind.COMMITTED_HIGH && d.fcId() != 310)
                .findFirst().orElseThrow();
    }

    private SimSku sku(int index) {
        return world.skus().get(index);
    }

    private SkuUpdate update(LiveSku live, String warehouse, int quantity) {
        Map<String, Integer> q = new LinkedHashMap<>(live.warehouses());
        q.put(warehouse, quantity);
        return new SkuUpdate(live.productId(), live.skuId(), q);
    }

    private static String warehouseOf(int fcId) {
        return fcId == 228 ? US_228 : US_156;
    }

    @Test
    void anAcceptedWriteSetsTikToksFigureAndTheGapStaysClosedAsStockMoves() throws Exception {
        Drift drift = usDrift();
        String skuId = sku(drift.skuIndex()).tiktokSkuIdUs();
        String warehouse = warehouseOf(drift.fcId());
        int truth = world.view().cell(drift.skuIndex(), drift.fcId()).available();
        assertThat(world.view().tiktokStock(drift.skuIndex(), drift.fcId()).available()).as("drifting").isNotEqualTo(truth);

        LiveSku live = writer.current(US_SHOP, List.of(skuId)).get(skuId);
        assertThat(live.warehouses()).containsOnlyKeys(US_228, US_156);
        List<ItemError> errors = writer.send(US_SHOP, List.of(update(live, warehouse, truth)));

        assertThat(errors).isEmpty();
        WorldView after = world.view();
        assertThat(after.tiktokStock(drift.skuIndex(), drift.fcId()).available())
                .isEqualTo(after.cell(drift.skuIndex(), drift.fcId()).available());
        clock.advance(Duration.ofMinutes(30));
        WorldView later = world.view();
        assertThat(later.tiktokStock(drift.skuIndex(), drift.fcId()).available())
                .as("TikTok follows the warehouse once set").isEqualTo(later.cell(drift.skuIndex(), drift.fcId()).available());
        assertThat(writer.current(US_SHOP, List.of(skuId)).get(skuId).warehouses().get(warehouse))
                .isEqualTo(later.tiktokStock(drift.skuIndex(), drift.fcId()).available());
    }

    @Test
    void everyAssignedWarehouseMustBeListedAndNothingIsAppliedOtherwise() throws Exception {
        Drift drift = usDrift();
        String skuId = sku(drift.skuIndex()).tiktokSkuIdUs();
        int before = world.view().tiktokStock(drift.skuIndex(), drift.fcId()).available();
        LiveSku live = writer.current(US_SHOP, List.of(skuId)).get(skuId);
        SkuUpdate oneWarehouseOnly = new SkuUpdate(live.productId(), skuId, Map.of(warehouseOf(drift.fcId()), 3));

        List<ItemError> errors = writer.send(US_SHOP, List.of(oneWarehouseOnly));

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("12019028");
            assertThat(e.refusal()).isEqualTo(PushRefusal.WAREHOUSES_CHANGED);
        });
        assertThat(world.view().tiktokStock(drift.skuIndex(), drift.fcId()).available()).isEqualTo(before);
    }

    @Test
    void zeroIsOutOfRangeUntilTheShopTakesIt() throws Exception {
        Drift drift = usDrift();
        String skuId = sku(drift.skuIndex()).tiktokSkuIdUs();
        LiveSku live = writer.current(US_SHOP, List.of(skuId)).get(skuId);
        List<ItemError> refused = writer.send(US_SHOP, List.of(update(live, warehouseOf(drift.fcId()), 0)));
        assertThat(refused).singleElement().satisfies(e -> {
            assertThat(e.warehouseId()).isEqualTo(warehouseOf(drift.fcId()));
            assertThat(TikTokInventoryWriter.isQuantityRange(e)).isTrue();
        });

        server.setTikTokAcceptsZero(true);
        assertThat(writer.send(US_SHOP, List.of(update(live, warehouseOf(drift.fcId()), 0)))).isEmpty();
        assertThat(world.view().tiktokStock(drift.skuIndex(), drift.fcId()).available()).isZero();
    }

    @Test
    void aPromotionLockRefusesFiguresBelowIt() throws Exception {
        Drift drift = usDrift();
        SimSku sku = sku(drift.skuIndex());
        server.lockTikTokStockForPromotion(sku.sellerSku(), 1_000);
        LiveSku live = writer.current(US_SHOP, List.of(sku.tiktokSkuIdUs())).get(sku.tiktokSkuIdUs());

        List<ItemError> errors = writer.send(US_SHOP, List.of(update(live, warehouseOf(drift.fcId()), 5)));

        assertThat(errors).extracting(ItemError::refusal).contains(PushRefusal.PROMOTION_LOCKED);
        assertThat(errors).extracting(ItemError::message).allMatch(m -> m.contains("1000"));
    }

    @Test
    void aRevokedScopeRefusesTheWriteButNotTheReads() throws Exception {
        Drift drift = usDrift();
        String skuId = sku(drift.skuIndex()).tiktokSkuIdUs();
        server.revokeTikTokScope("seller.product.write");
        LiveSku live = writer.current(US_SHOP, List.of(skuId)).get(skuId);
        assertThatThrownBy(() -> writer.send(US_SHOP, List.of(update(live, warehouseOf(drift.fcId()), 5))))
                .isInstanceOf(ScopeMissingException.class);
        server.grantTikTokScope("seller.product.write");
        assertThat(writer.send(US_SHOP, List.of(update(live, warehouseOf(drift.fcId()), 5)))).isEmpty();
    }

    @Test
    void aPartialFailureTakesTheOthers() throws Exception {
        // Two listed SKUs of one product with more than one variant.
        SimProduct product = world.products().stream()
                .filter(p -> "ACTIVATE".equals(p.status()) && p.skuIndexes().stream()
                        .filter(i -> sku(i).onTikTok()).count() >= 2)
                .findFirst().orElseThrow();
        List<String> ids = product.skuIndexes().stream().filter(i -> sku(i).onTikTok())
                .map(i -> sku(i).tiktokSkuIdUs()).limit(2).toList();
        Map<String, LiveSku> live = writer.current(US_SHOP, ids);
        List<SkuUpdate> updates = new ArrayList<>();
        for (String id : ids) {
            updates.add(update(live.get(id), US_228, 777));
        }
        server.faults().next("/product/202309/products/", 1, Fault.PARTIAL_FAILURE);

        List<ItemError> errors = writer.send(US_SHOP, updates);

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.skuId()).isEqualTo(ids.get(1));
            assertThat(e.refusal()).isEqualTo(PushRefusal.WAREHOUSE_DISABLED);
        });
        Map<String, LiveSku> now = writer.current(US_SHOP, ids);
        assertThat(now.get(ids.get(0)).warehouses().get(US_228)).isEqualTo(777);
        assertThat(now.get(ids.get(1)).warehouses().get(US_228)).isNotEqualTo(777);
    }

    @Test
    void moreThanAHundredSkusOrAnotherProductsSkuAreRefused() throws Exception {
        String cipher = world.shops().getFirst().cipher();
        SimProduct product = world.products().stream().filter(p -> "ACTIVATE".equals(p.status())).findFirst()
                .orElseThrow();
        String path = TikTokInventoryWriter.updatePath(product.productIdUs());
        StringBuilder many = new StringBuilder("{\"skus\":[");
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append("{\"id\":\"").append(i).append("\",\"inventory\":[]}");
        }
        Answer tooMany = http.tiktok("POST", path, Map.of("shop_cipher", cipher), many + "]}", now());
        assertThat(tooMany.code()).isEqualTo(12019015);

        SimProduct other = world.products().stream().filter(p -> p != product && p.skuIndexes().stream()
                .anyMatch(i -> sku(i).onTikTok())).findFirst().orElseThrow();
        String foreign = other.skuIndexes().stream().filter(i -> sku(i).onTikTok()).map(i -> sku(i).tiktokSkuIdUs())
                .findFirst().orElseThrow();
        Answer wrong = http.tiktok("POST", path, Map.of("shop_cipher", cipher),
                "{\"skus\":[{\"id\":\"" + foreign + "\",\"inventory\":[]}]}", now());
        assertThat(wrong.code()).as("a code-0 answer").isZero();
        assertThat(wrong.json().path("data").path("errors").get(0).path("code").asInt()).isEqualTo(12052004);
    }

    @Test
    void thePartnerWarehousesTikTokFigureIsTheLastManualUploadUntilPushed() throws Exception {
        SimShop ph = world.shops().stream().filter(s -> "PH".equals(s.region())).findFirst().orElseThrow();
        SimShop.TikTokWarehouse manila = ph.warehouses().getFirst();
        assertThat(manila.isPartner()).isTrue();
        PartnerWarehouse partner = world.partners().warehouse("PH-MNL");
        WorldView view = world.view();
        int stocked = (int) world.skus().stream().filter(k -> view.assigned(manila, k.index())).count();
        assertThat(stocked).isPositive();
        Answer products = http.tiktok("POST", "/product/202309/products/search",
                Map.of("shop_cipher", ph.cipher(), "page_size", "100"), "{}", now());
        assertThat(products.code()).isZero();
        int listed = 0;
        for (var p : products.json().path("data").path("products")) {
            for (var s : p.path("skus")) {
                listed++;
                assertThat(s.path("inventory")).singleElement()
                        .satisfies(i -> assertThat(i.path("warehouse_id").asText()).isEqualTo(manila.id()));
            }
        }
        assertThat(listed).isEqualTo(Math.min(stocked, listed)).isPositive();

        // Four hours later TikTok still shows the upload of the last four-hour mark, not the stock now.
        clock.advance(Duration.ofHours(3));
        WorldView v = world.view();
        SimSku mover = world.skus().stream().filter(k -> v.assigned(manila, k.index()))
                .filter(k -> v.tiktokStock(manila, k.index()).available()
                        != world.partners().cell(partner, k.index(), v.now()).truth().available())
                .findFirst().orElseThrow();
        int truth = world.partners().cell(partner, mover.index(), v.now()).truth().available();
        world.setTikTokAvailable(manila.id(), mover.index(), truth);
        assertThat(world.view().tiktokStock(manila, mover.index()).available()).isEqualTo(truth);
    }

    @Test
    void acceptedWritesOutliveTheRunThroughTheJournal(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("writes.jsonl");
        SimulatedWorld first = new SimulatedWorld(99, 300, new SandboxClock(START));
        TikTokWriteJournal.attach(first, journal);
        Drift drift = first.view().drifts().stream().filter(d -> d.kind() != Drift.Kind.COMMITTED_HIGH)
                .findFirst().orElseThrow();
        String warehouse = first.shops().stream().flatMap(s -> s.warehouses().stream())
                .filter(w -> w.isSales() && w.fcId() == drift.fcId()).findFirst().orElseThrow().id();
        first.setTikTokAvailable(warehouse, drift.skuIndex(), first.view().cell(drift.skuIndex(), drift.fcId()).available());

        // The next command of the demo starts a new world from the same seed: the drift is back, the write too.
        SimulatedWorld next = new SimulatedWorld(99, 300, new SandboxClock(START));
        assertThat(next.view().tiktokStock(drift.skuIndex(), drift.fcId()).available())
                .isNotEqualTo(next.view().cell(drift.skuIndex(), drift.fcId()).available());
        TikTokWriteJournal.attach(next, journal);
        assertThat(next.view().tiktokStock(drift.skuIndex(), drift.fcId()).available())
                .isEqualTo(next.view().cell(drift.skuIndex(), drift.fcId()).available());
    }
}
