package com.stocklens.sandbox;

import com.stocklens.domain.Provider;
import com.stocklens.sandbox.Exchange.Response;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reliability and speed of one partner provider's API ({@link PartnerWarehouse#failEvery()},
 * {@link PartnerWarehouse#latencyMillis()}): every n-th request answers 503, every answer waits the
 * added latency. A provider with several warehouses takes the worst of them.
 */
final class PartnerPace {
    private final int failEvery;
    private final int latencyMillis;
    private final AtomicInteger requests = new AtomicInteger();

    PartnerPace(SimulatedWorld world, Provider provider) {
        List<PartnerWarehouse> ws = world.partners().warehouses(provider);
        this.failEvery = ws.stream().mapToInt(PartnerWarehouse::failEvery).max().orElse(0);
        this.latencyMillis = ws.stream().mapToInt(PartnerWarehouse::latencyMillis).max().orElse(0);
    }

    /** Waits the latency; a 503 when this request is one of the failing ones, else empty. */
    Optional<Response> pace() {
        int n = requests.incrementAndGet();
        if (latencyMillis > 0) {
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failEvery > 0 && n % failEvery == 0) {
            return Optional.of(Response.text(503, "Service Unavailable"));
        }
        return Optional.empty();
    }
}
