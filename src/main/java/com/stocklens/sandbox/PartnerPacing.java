package com.stocklens.sandbox;

import com.stocklens.domain.Provider;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A partner provider's speed and reliability ({@link PartnerWarehouse#latencyMillis()},
 * {@link PartnerWarehouse#failEvery()}): every answer of the provider is delayed by the largest latency
 * of its warehouses, and every n-th request (smallest n) is refused with HTTP 503.
 */
final class PartnerPacing {
    private final int failEvery;
    private final int latencyMillis;
    private final AtomicLong requests = new AtomicLong();

    PartnerPacing(List<PartnerWarehouse> warehouses) {
        this.failEvery = warehouses.stream().mapToInt(PartnerWarehouse::failEvery).filter(n -> n > 0).min().orElse(0);
        this.latencyMillis = warehouses.stream().mapToInt(PartnerWarehouse::latencyMillis).max().orElse(0);
    }

    static PartnerPacing of(SimulatedWorld world, Provider provider) {
        return new PartnerPacing(world.partners().warehouses(provider));
    }

    /** Waits the provider's latency; true when this request is one the provider fails. */
    boolean failsThisOne() {
        if (latencyMillis > 0) {
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long n = requests.incrementAndGet();
        return failEvery > 0 && n % failEvery == 0;
    }
}
