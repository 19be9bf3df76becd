package com.stocklens.app.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.app.settings.LiveConfig;
import com.stocklens.app.workspace.WorkspaceOpener;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.domain.Connection;
import com.stocklens.domain.ConnectionKind;
import com.stocklens.secrets.EncryptedFileSecretStore;
import com.stocklens.secrets.PassphrasePrompt;
import com.stocklens.service.Connections;
import com.stocklens.store.ConnectionRepository;
import com.stocklens.store.Database;
import com.stocklens.store.SnapshotRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionServiceTest {
    @TempDir
    Path dir;
    private Database db;
    private EncryptedFileSecretStore secrets;
    private ConnectionService service;

    @BeforeEach
    void open() {
        db = Database.inMemory("conn-service-" + UUID.randomUUID());
        secrets = new EncryptedFileSecretStore(dir.resolve("secrets.enc"), PassphrasePrompt.fixed("p"));
        LiveConfig env = new LiveConfig("https://tt", "key", "env-secret", "env-token", "https://sb", "env-sb",
                Map.of("228", "7301"));
        service = new ConnectionService(false, EnvironmentConnections.of(env), new ConnectionRepository(db.jdbi()),
                secrets, new SnapshotRepository(db.jdbi()), new SourceFactory(new HttpClientFactory(), Clock.systemUTC()),
                Clock.systemUTC(), Map.of("winit:uk", "WINIT connector is not built yet"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void savesSettingsInTheTableAndSecretsInTheStoreThenRemovesBoth() throws Exception {
        Connection c = new Connection("winit:uk", ConnectionKind.WINIT, "WINIT UK", true, Duration.ofMinutes(5),
                Map.of("app_key", "seller@example.com"));
        service.save(c, Map.of("token", "tok", "client_secret", " "));
        assertThat(new ConnectionRepository(db.jdbi()).find("winit:uk")).contains(c);
        assertThat(secrets.get(c.secretKey("token"))).contains("tok");
        assertThat(secrets.get(c.secretKey("client_secret"))).as("blank keeps nothing").isEmpty();
        Connections.ConnectionStatus s = service.list().stream().filter(x -> x.connection().id().equals("winit:uk"))
                .findFirst().orElseThrow();
        assertThat(s.storedSecrets()).containsExactly("token");
        assertThat(s.problem()).contains("not built yet");
        assertThat(s.lastRun()).isNull();
        // Saving again without typing keeps the stored token.
        service.save(c.withEnabled(false), Map.of());
        assertThat(secrets.get(c.secretKey("token"))).contains("tok");
        service.remove("winit:uk");
        assertThat(secrets.get(c.secretKey("token"))).isEmpty();
        assertThat(new ConnectionRepository(db.jdbi()).list()).isEmpty();
    }

    @Test
    void environmentConnectionsAreListedButNotStored() throws Exception {
        assertThat(service.list()).extracting(s -> s.connection().id()).containsExactly("tiktok:main", "shipbob:main");
        assertThat(service.list().get(1).connection().settings()).containsEntry("warehouse_links", "228=7301");
        assertThat(new ConnectionRepository(db.jdbi()).list()).isEmpty();
        assertThat(service.secretsFor(service.list().get(1).connection(), Map.of())).containsEntry("token", "env-sb");
        assertThat(service.secretsFor(service.list().get(1).connection(), Map.of("token", "typed")))
                .containsEntry("token", "typed");
    }

    @Test
    void idsAreUniqueSlugs() throws Exception {
        assertThat(service.newId(ConnectionKind.SHIPBOB, "Main")).isEqualTo("shipbob:main-2");
        assertThat(service.newId(ConnectionKind.TIKTOK_SHOP, "US Shop!")).isEqualTo("tiktok:us-shop");
        assertThat(service.newId(ConnectionKind.GOODCANG, "谷仓")).isEqualTo("goodcang:main");
    }

    @Test
    void missingFieldsAndUnbuiltConnectorsAreSaidWithoutCalling() {
        Connection noToken = new Connection("shipbob:x", ConnectionKind.SHIPBOB, "X", true, null, Map.of());
        Connections.TestOutcome o = service.test(noToken, Map.of());
        assertThat(o.failure()).isEqualTo(Connections.Failure.MISSING_FIELD);
        assertThat(o.detail()).isEqualTo("token");
        Connection csv = new Connection("csv:x", ConnectionKind.CSV, "X", true, null, Map.of());
        assertThat(service.test(csv, Map.of()).failure()).isEqualTo(Connections.Failure.NOT_SUPPORTED);
    }

    @Test
    void demoConnectionsAreReadOnly() {
        ConnectionService demo = new ConnectionService(true, List.of(), null, null,
                new SnapshotRepository(db.jdbi()), new SourceFactory(new HttpClientFactory(), Clock.systemUTC()),
                Clock.systemUTC(), Map.of());
        Connection c = new Connection("shipbob:x", ConnectionKind.SHIPBOB, "X", true, null, Map.of());
        assertThatThrownBy(() -> demo.save(c, Map.of())).isInstanceOf(Connections.ConnectionException.class);
        assertThatThrownBy(() -> demo.remove("shipbob:x")).isInstanceOf(Connections.ConnectionException.class);
    }

    @Test
    void nothingConfiguredMeansDemo() {
        assertThat(WorkspaceOpener.hasStoredConnections(dir)).isFalse();
    }
}
