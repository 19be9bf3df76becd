package com.stocklens.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.app.connections.EnvironmentConnections;
import com.stocklens.app.push.StockPushService;
import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.domain.PushRefusal;
import com.stocklens.rules.Staleness;
import com.stocklens.service.PushPlan;
import com.stocklens.service.PushRecord;
import com.stocklens.service.PushScope;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Team mode on a real PostgreSQL (like {@code TeamDeclarationTest}): only the desk holding the TikTok shop's lease
 * pushes. The other desk sees the same plans and audit, but its pushes are refused naming the desk that pushes,
 * and its automatic pushes leave the work to that desk.
 */
class TeamPushTest {
    static EmbeddedPostgres pg;
    static String url;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        url = pg.getJdbcUrl("postgres", "postgres");
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    private static AppRuntime desk(String name, Path dir) {
        System.setProperty("stocklens.desk", name);
        try {
            return AppRuntime.open(new LaunchOptions(true, dir, null, Duration.ofSeconds(60), Staleness.DEFAULT_WINDOW)
                    .withSharedDb(url));
        } finally {
            System.clearProperty("stocklens.desk");
        }
    }

    @Test
    void onlyTheDeskHoldingTheTikTokLeasePushes(@TempDir Path tmp) throws Exception {
        try (AppRuntime a = desk("desk-a", Files.createDirectories(tmp.resolve("a")));
             AppRuntime b = desk("desk-b", Files.createDirectories(tmp.resolve("b")))) {
            String tiktok = EnvironmentConnections.TIKTOK_SOURCE_ID;
            assertThat(a.leases().holds(tiktok)).as("the first desk polls and pushes").isTrue();
            assertThat(b.leases().holds(tiktok)).isFalse();
            a.syncEngine().syncAllOnce();
            a.importDemoSpreadsheets();

            PushPlan plan = b.stockPushes().plan(PushScope.csv());
            assertThat(plan.items()).as("the other desk plans from the shared store").isNotEmpty();
            PushRecord fromB = b.stockPushes().apply(plan.id(), "bob", null);
            assertThat(fromB.status()).isEqualTo(PushRecord.Status.REFUSED);
            assertThat(fromB.desk()).isEqualTo("desk-b");
            assertThat(fromB.lines()).allSatisfy(l -> {
                assertThat(l.refusal()).isEqualTo(PushRefusal.NOT_THIS_DESK);
                assertThat(l.problem()).isEqualTo("only the desk holding the TikTok lease pushes (desk-a now)");
            });
            StockPushService bService = (StockPushService) b.stockPushes();
            assertThat(bService.automaticPush(PushScope.csv(), StockPushService.AUTO_CSV + "csv:PH-MNL"))
                    .as("automatic pushes are left to desk-a").isNull();

            PushRecord fromA = a.stockPushes().apply(plan.id(), "amy", null);
            assertThat(fromA.status()).isEqualTo(PushRecord.Status.ACCEPTED);
            assertThat(b.stockPushes().history(10)).as("one audit for the team").extracting(PushRecord::desk)
                    .containsExactly("desk-a", "desk-b");
        }
    }
}
