package com.stocklens.app;

import com.stocklens.sandbox.SimulatedWorld;
import com.stocklens.service.BoardRow;
import java.util.List;

/**
 * The seller's manual uploads of the demo's Manila partner warehouse drift further: TikTok's figure on some of
 * its SKUs 4, 5, 6 … units over the warehouse's. The demo's small shelves sell only a few units between two
 * uploads, too few for a push plan of several lines; the push tests and pictures want a few more.
 */
final class ManilaDrift {
    private ManilaDrift() {
    }

    /** Drifts up to {@code lines} linked Manila lines of the latest board; the caller syncs again. */
    static void drift(AppRuntime runtime, int lines) {
        SimulatedWorld world = runtime.sandbox().world();
        List<BoardRow> linked = runtime.boardReader().read().rows().stream()
                .filter(r -> r.warehouse().id().equals("csv:PH-MNL") && r.tiktokAvailable() != null
                        && r.level().available() != null)
                .limit(lines).toList();
        int k = 0;
        for (BoardRow r : linked) {
            int index = world.skus().stream().filter(s -> s.sellerSku().equals(r.sku().sellerSku())).findFirst()
                    .orElseThrow().index();
            world.setTikTokAvailable(SimulatedWorld.PH_TIKTOK_WAREHOUSE, index, r.level().available() + 4 + k++);
        }
    }
}
