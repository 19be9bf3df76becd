package com.stocklens.ui.push;

import com.stocklens.domain.PushRefusal;
import com.stocklens.service.PushLine;
import com.stocklens.service.PushPlan;
import com.stocklens.service.PushRecord;
import com.stocklens.service.PushScope;
import com.stocklens.service.PushSettings;
import com.stocklens.service.PushedLine;
import com.stocklens.service.StockPushes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/** A push service with a fixed plan: apply accepts every line but the one of {@link #refuseSku}, TikTok's way. */
public final class FakePushes implements StockPushes {
    static final Instant AT = Instant.parse("2026-12-06T02:00:00Z");

    public final List<PushRecord> pushes = new ArrayList<>();
    PushSettings settings = PushSettings.DEFAULTS;
    String refuseSku = "TTS-LOCK-01";
    boolean stale;
    String lastBy;

    static PushLine planned(String sku, int before, int after) {
        return new PushLine(sku, "shipbob:228", "Moreno Valley (CA)", "7495", "1729" + sku.length(), "7301", before,
                after, null, List.of(Integer.toString(after), "0", "0"),
                "warehouse available " + after + " − 0 TikTok orders not yet reserved − buffer 0 = " + after,
                AT.minusSeconds(60), AT.minusSeconds(50));
    }

    static PushLine refused(String sku) {
        List<String> args = List.of("Manila partner warehouse", "20", "15");
        return new PushLine(sku, "csv:PH-MNL", "Manila partner warehouse", null, null, "7302", 9, null,
                PushRefusal.STALE_WAREHOUSE, args, PushRefusal.STALE_WAREHOUSE.english(args), AT.minusSeconds(1200),
                AT.minusSeconds(50));
    }

    @Override
    public PushPlan plan(PushScope scope) {
        return new PushPlan("p-1a2b3c4d", AT, scope, List.of(planned("TTS-A-01", 277, 292), planned(refuseSku, 50, 40)),
                List.of(refused("TTS-B-02")), 3, 0, scope.taskId());
    }

    @Override
    public Optional<PushPlan> findPlan(String planId) {
        return Optional.empty();
    }

    @Override
    public PushRecord apply(String planId, String who, BiConsumer<Integer, Integer> progress) {
        if (stale) {
            throw new PlanUnavailableException("Push plan " + planId + " was made 7 min ago");
        }
        lastBy = who;
        PushPlan plan = plan(PushScope.task(12));
        List<PushedLine> lines = new ArrayList<>();
        for (PushLine l : plan.items()) {
            lines.add(l.sellerSku().equals(refuseSku)
                    ? new PushedLine(l, PushedLine.Outcome.REFUSED, PushRefusal.PROMOTION_LOCKED, List.of(), "12052393",
                    "The inventory is locked by an ongoing promotion")
                    : new PushedLine(l, PushedLine.Outcome.ACCEPTED, null, List.of(), null, null));
            progress.accept(lines.size(), plan.items().size());
        }
        PushRecord r = new PushRecord(pushes.size() + 1L, planId, plan.scope(), 12L, null, who, "desk-a", false, AT, AT,
                PushRecord.Status.PARTIAL, lines);
        pushes.addFirst(r);
        return r;
    }

    @Override
    public PushRecord undo(long pushId, String who) {
        PushRecord original = push(pushId).orElseThrow();
        List<PushedLine> lines = new ArrayList<>();
        for (PushedLine l : original.lines()) {
            if (l.outcome() == PushedLine.Outcome.ACCEPTED) {
                PushLine p = l.line();
                lines.add(new PushedLine(new PushLine(p.sellerSku(), p.warehouseId(), p.warehouseName(), p.shopId(),
                        p.tiktokSkuId(), p.tiktokWarehouseId(), p.after(), p.before(), null, List.of(Long.toString(pushId)),
                        "undo", p.warehouseAt(), p.tiktokAt()), PushedLine.Outcome.ACCEPTED, null, List.of(), null, null));
            }
        }
        PushRecord r = new PushRecord(pushes.size() + 1L, "u-1", original.scope(), original.taskId(), pushId, who,
                "desk-a", false, AT, AT, PushRecord.Status.ACCEPTED, lines);
        pushes.addFirst(r);
        return r;
    }

    @Override
    public List<PushRecord> history(int limit) {
        return List.copyOf(pushes);
    }

    @Override
    public Optional<PushRecord> push(long pushId) {
        return pushes.stream().filter(p -> p.id() == pushId).findFirst();
    }

    @Override
    public List<PushRecord> forSku(String sellerSku, int limit) {
        return pushes.stream().filter(p -> !p.linesOf(sellerSku).isEmpty()).toList();
    }

    @Override
    public List<PushRecord> forTask(long taskId) {
        return pushes.stream().filter(p -> p.taskId() != null && p.taskId() == taskId).toList();
    }

    @Override
    public PushSettings settings() {
        return settings;
    }

    @Override
    public PushSettings saveSettings(PushSettings value, String who) {
        settings = value;
        lastBy = who;
        return settings;
    }

    @Override
    public int planMinutes() {
        return 5;
    }
}
