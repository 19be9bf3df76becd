package com.stocklens.app.demo;

import com.stocklens.domain.Market;
import com.stocklens.domain.Provider;
import com.stocklens.domain.WarehouseProfile;
import com.stocklens.store.JdbiWarehouseKpis;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The demo seller's own notes on their warehouses: plausible profiles per provider (fees, SLA,
 * certification, routes) for the demo's connected warehouses, and two candidates they are considering.
 * Only used in demo mode, for warehouses without a stored profile; an edit in the window saves a real one.
 * The figures are invented but shaped like real price lists (USD per unit per month, per order line).
 */
public final class DemoProfiles {
    private DemoProfiles() {
    }

    /** The demo profile of a connected warehouse, or null to build one from what the connection knows. */
    public static WarehouseProfile forWarehouse(JdbiWarehouseKpis.ConnectedWarehouse w) {
        Provider provider;
        try {
            provider = Provider.valueOf(w.provider().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            return null;
        }
        List<Market> markets = Market.fromCode(w.market()).map(List::of).orElse(List.of());
        List<String> regions = w.region() == null ? List.of() : List.of(w.region());
        Instant at = Instant.EPOCH;
        return switch (provider) {
            case SHIPBOB -> new WarehouseProfile(w.id(), w.name(), false, markets, regions, true, true, 24, true,
                    List.of("Shenzhen → Los Angeles (sea)", "Shenzhen → Los Angeles (air)", "Ningbo → Long Beach (sea)"),
                    0.45, 0.90, 1.80, 2.95, 0.25, "USD", "TikTok partner warehouse (demo)", at);
            case WINIT -> new WarehouseProfile(w.id(), w.name(), false, markets, regions, true, true, 48, true,
                    List.of("Shenzhen → Felixstowe (sea)", "Yiwu → Birmingham (rail)"),
                    0.38, 0.75, 1.60, 2.20, 0.20, "USD", "Certified 仓配一体化 (demo)", at);
            case SHIPMONK -> new WarehouseProfile(w.id(), w.name(), false, markets, regions, true, false, 24, true,
                    List.of("Shenzhen → Los Angeles (sea)"), 0.55, 1.10, 2.20, 3.10, 0.30, "USD",
                    "API Ready, certification pending (demo)", at);
            case FLEXPORT -> new WarehouseProfile(w.id(), w.name(), false, markets, regions, true, false, 48, false,
                    List.of("Shanghai → Oakland (sea)", "Shenzhen → Reno (air)"), 0.50, 1.00, 2.40, 2.60, 0.35, "USD",
                    "Returns go to a central hub (demo)", at);
            case GOODCANG -> new WarehouseProfile(w.id(), w.name(), false, markets, regions, false, false, 72, true,
                    List.of("Shenzhen → New York (sea)", "Xiamen → Newark (sea)"), 0.28, 0.60, 1.40, 1.80, 0.15, "USD",
                    "Cheap, slower outbound (demo)", at);
            case CSV -> new WarehouseProfile(w.id(), w.name(), false, markets, regions, false, false, 96, false,
                    List.of("Guangzhou → Manila (sea)"), 0.20, 0.40, 0.90, 1.20, 0.10, "USD",
                    "No API: daily stock sheet by e-mail (demo)", at);
            default -> null;
        };
    }

    /** Two candidates the demo seller is considering. */
    public static List<WarehouseProfile> candidates() {
        Instant at = Instant.EPOCH;
        return List.of(
                new WarehouseProfile("candidate:4px-los-angeles", "4PX Los Angeles", true, List.of(Market.US),
                        List.of("US-West"), true, true, 24, true,
                        List.of("Shenzhen → Los Angeles (sea)", "Shenzhen → Los Angeles (air)"), 0.42, 0.85, 1.70, 2.40,
                        0.20, "USD", "Quote received (demo)", at),
                new WarehouseProfile("candidate:bangkok-3pl", "Bangkok 3PL", true, List.of(Market.TH, Market.VN),
                        List.of("TH-Central"), null, false, 48, null, List.of("Guangzhou → Bangkok (truck)"), 0.25, null,
                        null, 1.10, null, "USD", "First call only: fees for old stock unknown (demo)", at));
    }
}
