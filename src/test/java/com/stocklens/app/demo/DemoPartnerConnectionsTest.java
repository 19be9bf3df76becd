package com.stocklens.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.app.connections.ConnectionService;
import com.stocklens.app.connections.SourceFactory;
import com.stocklens.connector.StockSource;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.connector.http.RedactingLoggingInterceptor;
import com.stocklens.domain.ConnectionKind;
import com.stocklens.domain.Market;
import com.stocklens.domain.Reading;
import com.stocklens.sandbox.SandboxClock;
import com.stocklens.sandbox.SandboxServer;
import com.stocklens.sandbox.SimulatedWorld;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Demo mode builds ShipMonk and Flexport through SourceFactory, and both read the sandbox. */
class DemoPartnerConnectionsTest {
    @Test
    void shipMonkAndFlexportDemoConnectionsReadTheSandbox() throws Exception {
        SandboxClock clock = new SandboxClock(Instant.parse("2026-03-02T15:00:00Z"));
        try (SandboxServer sandbox = SandboxServer.start(new SimulatedWorld(7, 300, clock))) {
            SourceFactory factory = new SourceFactory(new HttpClientFactory(), clock);
            Map<ConnectionKind, ConnectionService.Fixed> demos = new java.util.EnumMap<>(ConnectionKind.class);
            DemoConnections.of(sandbox).forEach(d -> demos.put(d.connection().kind(), d));

            ConnectionService.Fixed shipmonk = demos.get(ConnectionKind.SHIPMONK);
            assertThat(shipmonk.connection().id()).isEqualTo("shipmonk:main");
            Reading sm = factory.create(shipmonk.connection(), shipmonk.secrets()::get).fetch();
            assertThat(sm.stock()).isNotEmpty();
            assertThat(sm.warehouses()).singleElement().satisfies(w -> {
                assertThat(w.id()).isEqualTo("shipmonk:CA1");
                assertThat(w.market()).isEqualTo(Market.US);
                assertThat(w.region()).isEqualTo("US-West");
            });

            ConnectionService.Fixed flexport = demos.get(ConnectionKind.FLEXPORT);
            assertThat(flexport.connection().id()).isEqualTo("flexport:main");
            StockSource fx = factory.create(flexport.connection(), flexport.secrets()::get);
            Reading fr = fx.fetch();
            assertThat(fr.stock()).isNotEmpty();
            assertThat(fr.warehouses()).singleElement().satisfies(w -> {
                assertThat(w.id()).isEqualTo("flexport:network");
                assertThat(w.market()).isEqualTo(Market.US);
                assertThat(w.region()).isEqualTo("US-West");
            });
        }
    }

    @Test
    void aMissingSecretIsNamedNotShown() {
        var shipmonk = new com.stocklens.domain.Connection("shipmonk:x", ConnectionKind.SHIPMONK, "ShipMonk", true, null,
                Map.of("api_base", "http://127.0.0.1:9"));
        SourceFactory factory = new SourceFactory(new HttpClientFactory(), java.time.Clock.systemUTC());
        assertThatThrownBy(() -> factory.create(shipmonk, k -> null)).hasMessageContaining("api_key is not set");
    }

    @Test
    void theHttpLogRedactsTheShipMonkKeyAndTheFlexportToken() {
        assertThat(RedactingLoggingInterceptor.redact(okhttp3.Headers.of("Api-Key", "sm-secret",
                "Authorization", "Bearer fx-secret"))).doesNotContain("sm-secret").doesNotContain("fx-secret");
    }
}
