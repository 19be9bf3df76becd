package com.stocklens.bench;

import com.stocklens.sandbox.SandboxCredentials;
import com.stocklens.sandbox.SandboxServer;
import com.stocklens.sandbox.SimulatedWorld;
import java.time.Clock;
import java.util.stream.Collectors;

/**
 * The sandbox on its own, in a process of its own (BENCHMARKS.md): {@code SandboxMain [SKUS]} starts the
 * simulated world (33,334 SKUs × 3 centres ≈ 100k rows by default) with its rate limits on and prints the
 * environment that points a live StockLens at it, so the app's own memory and first sync at scale can be
 * measured without the world's memory in the same heap. Runs until killed.
 */
public final class SandboxMain {
    private SandboxMain() {
    }

    public static void main(String[] args) throws Exception {
        int skus = args.length > 0 ? Integer.parseInt(args[0]) : 33_334;
        SandboxServer sandbox = SandboxServer.start(new SimulatedWorld(20261127L, skus, Clock.systemUTC()));
        String links = SimulatedWorld.demoLinks().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
        System.out.println("STOCKLENS_TIKTOK_API_BASE=" + sandbox.tiktokBaseUrl());
        System.out.println("STOCKLENS_TIKTOK_APP_KEY=" + SandboxCredentials.TIKTOK_APP_KEY);
        System.out.println("STOCKLENS_TIKTOK_APP_SECRET=" + SandboxCredentials.TIKTOK_APP_SECRET);
        System.out.println("STOCKLENS_TIKTOK_ACCESS_TOKEN=" + SandboxCredentials.TIKTOK_ACCESS_TOKEN);
        System.out.println("STOCKLENS_SHIPBOB_API_BASE=" + sandbox.shipbobBaseUrl());
        System.out.println("STOCKLENS_SHIPBOB_TOKEN=" + SandboxCredentials.SHIPBOB_TOKEN);
        System.out.println("STOCKLENS_SHIPBOB_LINKS=" + links);
        System.out.flush();
        Thread.currentThread().join();
    }
}
