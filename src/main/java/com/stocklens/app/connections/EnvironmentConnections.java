package com.stocklens.app.connections;

import com.stocklens.app.settings.LiveConfig;
import com.stocklens.connector.WarehouseOverrides;
import com.stocklens.domain.Connection;
import com.stocklens.domain.ConnectionKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The connections the environment describes ({@code STOCKLENS_TIKTOK_*}, {@code STOCKLENS_SHIPBOB_*}), with
 * their secrets. They are an overlay: listed and polled, never stored unless the seller saves them.
 */
public final class EnvironmentConnections {
    /** The id of the TikTok shop the environment (or the demo) connects. */
    public static final String TIKTOK_SOURCE_ID = "tiktok:main";
    /** The id of the ShipBob account the environment (or the demo) connects. */
    public static final String SHIPBOB_SOURCE_ID = "shipbob:main";

    private EnvironmentConnections() {
    }

    /** The connections {@code live} describes, with their secrets. */
    public static List<ConnectionService.Fixed> of(LiveConfig live) {
        List<ConnectionService.Fixed> out = new ArrayList<>();
        if (live.hasTikTok()) {
            out.add(new ConnectionService.Fixed(new Connection(TIKTOK_SOURCE_ID, ConnectionKind.TIKTOK_SHOP,
                    "TikTok Shop", true, null,
                    Map.of("api_base", live.tiktokApiBase(), "app_key", live.tiktokAppKey())),
                    Map.of("app_secret", live.tiktokAppSecret(), "access_token", live.tiktokToken())));
        }
        if (live.hasShipBob()) {
            Map<String, String> settings = new HashMap<>();
            settings.put("api_base", live.shipbobApiBase());
            if (!live.shipbobLinks().isEmpty()) {
                settings.put(WarehouseOverrides.LINKS, WarehouseOverrides.format(live.shipbobLinks()));
            }
            out.add(new ConnectionService.Fixed(new Connection(SHIPBOB_SOURCE_ID, ConnectionKind.SHIPBOB, "ShipBob",
                    true, null, settings), Map.of("token", live.shipbobToken())));
        }
        return out;
    }
}
