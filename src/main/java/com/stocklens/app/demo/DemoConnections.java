package com.stocklens.app.demo;

import static com.stocklens.app.connections.EnvironmentConnections.SHIPBOB_SOURCE_ID;
import static com.stocklens.app.connections.EnvironmentConnections.TIKTOK_SOURCE_ID;

import com.stocklens.app.connections.ConnectionService.Fixed;
import com.stocklens.app.connections.SourceFactory;
import com.stocklens.connector.WarehouseOverrides;
import com.stocklens.connector.flexport.FlexportSource;
import com.stocklens.domain.Connection;
import com.stocklens.domain.ConnectionKind;
import com.stocklens.domain.Provider;
import com.stocklens.sandbox.PartnerStock;
import com.stocklens.sandbox.PartnerWarehouse;
import com.stocklens.sandbox.SandboxCredentials;
import com.stocklens.sandbox.SandboxServer;
import com.stocklens.sandbox.SimulatedWorld;
import com.stocklens.sandbox.TikTokWriteJournal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo mode: the embedded sandbox of a simulated shop and its warehouses, and the connections to it —
 * every provider pointed at the sandbox with the sandbox's public credentials (fixed connections, read-only),
 * so the demo exercises the real connectors end to end.
 */
public final class DemoConnections {
    private static final Logger LOG = LoggerFactory.getLogger(DemoConnections.class);
    /** Seed of the demo world: every demo starts from the same shop. */
    public static final long DEMO_SEED = 20261127L;
    public static final String SHIPMONK_SOURCE_ID = "shipmonk:main";
    public static final String FLEXPORT_SOURCE_ID = "flexport:main";

    private DemoConnections() {
    }

    /**
     * SKUs in the demo world: {@link SimulatedWorld#DEFAULT_SKU_COUNT}, or {@code -Dstocklens.demo.skus=N}
     * to watch the window at scale (33334 SKUs × 3 centres ≈ 100k rows, a first sync of about 850 requests
     * under the real rate limits; BENCHMARKS.md).
     */
    public static final String SKUS_PROPERTY = "stocklens.demo.skus";

    /** Starts the sandbox of the demo world on a free local port. */
    public static SandboxServer startSandbox(Clock clock) {
        return startSandbox(clock, null);
    }

    /**
     * Starts the sandbox of the demo world on a free local port; with {@code workspace}, the stock writes its
     * TikTok accepted in earlier runs of this demo workspace are applied again (and new ones kept), so a push
     * from one command is still there for the next ({@link TikTokWriteJournal}).
     */
    public static SandboxServer startSandbox(Clock clock, Path workspace) {
        SimulatedWorld world = new SimulatedWorld(DEMO_SEED,
                Math.max(10, Integer.getInteger(SKUS_PROPERTY, SimulatedWorld.DEFAULT_SKU_COUNT)), clock);
        if (workspace != null) {
            TikTokWriteJournal.attach(world, workspace.resolve(TIKTOK_WRITES));
        }
        SandboxServer sandbox = SandboxServer.start(world);
        LOG.info("demo mode: sandbox on {}", sandbox.baseUrl());
        return sandbox;
    }

    /** Where a demo workspace keeps its simulated TikTok's accepted stock writes. */
    static final String TIKTOK_WRITES = "sandbox-tiktok-writes.jsonl";

    /**
     * The demo's TikTok budget: the sandbox is on this PC and enforces TikTok's documented 50 requests per
     * second, so the demo goes at 40 (its own sliding window and the sandbox's never quite line up) rather
     * than a live shop's cautious default; a demo sync then reads its 111 order pages in seconds.
     */
    static final String DEMO_TIKTOK_REQUESTS_PER_SECOND = "40";

    /** The demo's connections to {@code sandbox}, each with its secrets (the sandbox's public constants). */
    public static List<Fixed> of(SandboxServer sandbox) {
        String base = sandbox.baseUrl();
        return List.of(
                new Fixed(new Connection(TIKTOK_SOURCE_ID, ConnectionKind.TIKTOK_SHOP, "TikTok Shop", true,
                        null, Map.of("api_base", base, "auth_base", base, "app_key", SandboxCredentials.TIKTOK_APP_KEY,
                                "authorize_url", sandbox.tiktokAuthorizeUrl(),
                                "service_id", SandboxCredentials.TIKTOK_SERVICE_ID,
                                SourceFactory.TIKTOK_REQUESTS_PER_SECOND, DEMO_TIKTOK_REQUESTS_PER_SECOND)),
                        Map.of("app_secret", SandboxCredentials.TIKTOK_APP_SECRET,
                                "access_token", SandboxCredentials.TIKTOK_ACCESS_TOKEN)),
                new Fixed(new Connection(SHIPBOB_SOURCE_ID, ConnectionKind.SHIPBOB, "ShipBob", true, null,
                        Map.of("api_base", base,
                                WarehouseOverrides.LINKS, WarehouseOverrides.format(SimulatedWorld.demoLinks()),
                                WarehouseOverrides.REGIONS, WarehouseOverrides.format(SimulatedWorld.demoRegions()))),
                        Map.of("token", SandboxCredentials.SHIPBOB_TOKEN)),
                new Fixed(new Connection("winit:main", ConnectionKind.WINIT, "WINIT 万邑通", true, null,
                        partnerSettings(Map.of("api_base", base + "/openapi/service",
                                "app_key", SandboxCredentials.WINIT_APP_KEY,
                                "client_id", SandboxCredentials.WINIT_CLIENT_ID,
                                "platform", SandboxCredentials.WINIT_PLATFORM), Provider.WINIT, PartnerWarehouse::id)),
                        Map.of("token", SandboxCredentials.WINIT_TOKEN,
                                "client_secret", SandboxCredentials.WINIT_CLIENT_SECRET)),
                new Fixed(new Connection("goodcang:main", ConnectionKind.GOODCANG, "GoodCang 谷仓", true, null,
                        partnerSettings(Map.of("api_base", base + "/public_open"), Provider.GOODCANG,
                                PartnerWarehouse::id)),
                        Map.of("app_key", SandboxCredentials.GOODCANG_APP_KEY,
                                "app_token", SandboxCredentials.GOODCANG_APP_TOKEN)),
                new Fixed(new Connection(SHIPMONK_SOURCE_ID, ConnectionKind.SHIPMONK, "ShipMonk", true, null,
                        partnerSettings(Map.of("api_base", base), Provider.SHIPMONK, PartnerWarehouse::code)),
                        Map.of("api_key", SandboxCredentials.SHIPMONK_API_KEY)),
                new Fixed(new Connection(FLEXPORT_SOURCE_ID, ConnectionKind.FLEXPORT, "Flexport", true, null,
                        partnerSettings(Map.of("api_base", base), Provider.FLEXPORT, w -> FlexportSource.NETWORK_ID)),
                        Map.of("token", SandboxCredentials.FLEXPORT_TOKEN)));
    }

    /**
     * {@code settings} plus the markets, regions and TikTok warehouses of the provider's simulated
     * warehouses, keyed the way its connector names warehouses (WINIT {@code warehouseID}, GoodCang code,
     * ShipMonk identifier such as CA1, Flexport its one network warehouse).
     */
    private static Map<String, String> partnerSettings(Map<String, String> settings, Provider provider,
                                                       Function<PartnerWarehouse, String> key) {
        Map<String, String> markets = new LinkedHashMap<>();
        Map<String, String> regions = new LinkedHashMap<>();
        Map<String, String> links = new LinkedHashMap<>();
        for (PartnerWarehouse w : PartnerStock.WAREHOUSES) {
            if (w.provider() == provider) {
                markets.put(key.apply(w), w.market().name());
                regions.put(key.apply(w), w.region());
                if (w.tiktokWarehouseId() != null) {
                    // TikTok orders shipped from here name this warehouse: demand per warehouse follows them.
                    links.put(key.apply(w), w.tiktokWarehouseId());
                }
            }
        }
        Map<String, String> out = new LinkedHashMap<>(settings);
        out.put(WarehouseOverrides.MARKETS, WarehouseOverrides.format(markets));
        out.put(WarehouseOverrides.REGIONS, WarehouseOverrides.format(regions));
        if (!links.isEmpty()) {
            out.put(WarehouseOverrides.LINKS, WarehouseOverrides.format(links));
        }
        return out;
    }
}
