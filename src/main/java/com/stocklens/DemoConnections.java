package com.stocklens;

import com.stocklens.connector.WarehouseOverrides;
import com.stocklens.domain.Connection;
import com.stocklens.domain.ConnectionKind;
import com.stocklens.sandbox.SandboxCredentials;
import com.stocklens.sandbox.SandboxServer;
import com.stocklens.sandbox.SimulatedWorld;
import java.util.List;
import java.util.Map;

/**
 * The connections of demo mode: every provider pointed at the embedded sandbox with the sandbox's
 * public credentials, so the demo exercises the real connectors end to end.
 */
final class DemoConnections {
    /** A demo connection and its secrets (the sandbox's public constants). */
    record Demo(Connection connection, Map<String, String> secrets) {
    }

    private DemoConnections() {
    }

    static List<Demo> of(SandboxServer sandbox) {
        String base = sandbox.baseUrl();
        return List.of(
                new Demo(new Connection(AppRuntime.TIKTOK_SOURCE_ID, ConnectionKind.TIKTOK_SHOP, "TikTok Shop", true,
                        null, Map.of("api_base", base, "auth_base", base, "app_key", SandboxCredentials.TIKTOK_APP_KEY,
                                "authorize_url", sandbox.tiktokAuthorizeUrl(),
                                "service_id", SandboxCredentials.TIKTOK_SERVICE_ID)),
                        Map.of("app_secret", SandboxCredentials.TIKTOK_APP_SECRET,
                                "access_token", SandboxCredentials.TIKTOK_ACCESS_TOKEN)),
                new Demo(new Connection(AppRuntime.SHIPBOB_SOURCE_ID, ConnectionKind.SHIPBOB, "ShipBob", true, null,
                        Map.of("api_base", base,
                                WarehouseOverrides.LINKS, WarehouseOverrides.format(SimulatedWorld.demoLinks()),
                                WarehouseOverrides.REGIONS, WarehouseOverrides.format(SimulatedWorld.demoRegions()))),
                        Map.of("token", SandboxCredentials.SHIPBOB_TOKEN)));
    }
}
