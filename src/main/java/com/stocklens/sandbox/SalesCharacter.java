package com.stocklens.sandbox;

import java.util.List;
import java.util.Random;

/**
 * How well each SKU sells, the same in every warehouse holding it: most sell steadily, one in ten slowly,
 * and about one in fourteen stopped selling some months ago (still on the shelf: the shop's dead stock).
 * Seeded apart from every other random source of the world.
 */
final class SalesCharacter {
    /** Share of SKUs selling at a quarter of the usual pace, in percent. */
    static final int SLOW_PERCENT = 10;
    /** Share of SKUs that stopped selling, in percent. */
    static final int DORMANT_PERCENT = 7;
    /** A slow SKU's pace relative to the others. */
    static final double SLOW_FACTOR = 0.25;

    private final double[] factor;
    private final int[] dormantDays;

    SalesCharacter(long seed, List<SimSku> skus) {
        Random rnd = new Random(seed * 0x27BB2EE687B0B0FDL + 41);
        factor = new double[skus.size()];
        dormantDays = new int[skus.size()];
        for (SimSku sku : skus) {
            int roll = rnd.nextInt(100);
            int days = 100 + rnd.nextInt(150);
            if (sku.fastMover() || roll >= SLOW_PERCENT + DORMANT_PERCENT) {
                factor[sku.index()] = 1.0;
            } else if (roll < DORMANT_PERCENT) {
                factor[sku.index()] = 0.0;
                dormantDays[sku.index()] = days;
            } else {
                factor[sku.index()] = SLOW_FACTOR;
            }
        }
    }

    /** The SKU's pace now: 1 for most, {@link #SLOW_FACTOR} for a slow one, 0 once it stopped selling. */
    double factor(int skuIndex) {
        return factor[skuIndex];
    }

    /** How many days ago the SKU stopped selling (selling as usual before), 0 when it still sells. */
    int dormantDays(int skuIndex) {
        return dormantDays[skuIndex];
    }
}
