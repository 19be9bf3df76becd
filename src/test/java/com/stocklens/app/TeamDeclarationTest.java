package com.stocklens.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.app.connections.EnvironmentConnections;
import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.domain.CalibrationState;
import com.stocklens.domain.DeclaredCause;
import com.stocklens.rules.Staleness;
import com.stocklens.service.FlagsChanged;
import com.stocklens.service.TaskRow;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's two-desk test on a real PostgreSQL: a calibration declared on one desk shows as declared on the
 * other (through NOTIFY, within a few seconds, as a followed flag change); two desks declaring the same task
 * at the same moment leave one declaration, and the second is told who declared it; an alert acknowledged on
 * both desks at once is recorded once.
 */
class TeamDeclarationTest {
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

    static AppRuntime desk(String name, Path dir) {
        System.setProperty("stocklens.desk", name);
        try {
            return AppRuntime.open(new LaunchOptions(true, dir, null, Duration.ofSeconds(60), Staleness.DEFAULT_WINDOW)
                    .withSharedDb(url));
        } finally {
            System.clearProperty("stocklens.desk");
        }
    }

    static long insertTask(Jdbi jdbi, String sku) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO calibration_task (seller_sku, warehouse_id, "
                        + "detected_at, deadline, warehouse_qty, tiktok_qty, state, hints) "
                        + "VALUES (:sku, 'shipbob:228', :now, :deadline, 10, 14, 'OPEN', '')")
                .bind("sku", sku).bind("now", now).bind("deadline", now.plusHours(2))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    @Test
    void aDeclarationOnOneDeskShowsOnTheOtherAndIsRecordedOnce(@TempDir Path tmp) throws Exception {
        Jdbi jdbi = Jdbi.create(url, "postgres", "");
        // Two real threads: the common pool may have one on a two-CPU machine, and the barrier needs both.
        java.util.concurrent.ExecutorService twoDesks = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (AppRuntime a = desk("desk-a", Files.createDirectories(tmp.resolve("a")));
             AppRuntime b = desk("desk-b", Files.createDirectories(tmp.resolve("b")))) {
            assertThat(a.leases().shared()).isTrue();
            assertThat(a.leases().holds(com.stocklens.service.PollerLeases.RULES)).as("the first desk judges").isTrue();
            assertThat(b.leases().holds(com.stocklens.service.PollerLeases.RULES)).isFalse();
            assertThat(b.leases().poller(EnvironmentConnections.SHIPBOB_SOURCE_ID)).hasValueSatisfying(p -> {
                assertThat(p.desk()).isEqualTo("desk-a");
                assertThat(p.here()).isFalse();
            });

            BlockingQueue<FlagsChanged> seenOnB = new LinkedBlockingQueue<>();
            b.flagEngine().subscribe(seenOnB::add);

            long task = insertTask(jdbi, "SKU-TEAM-1");
            long t0 = System.nanoTime();
            a.flagEngine().declare(task, DeclaredCause.DAMAGE, "two units crushed", "amy");
            FlagsChanged followed = seenOnB.poll(10, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(followed).as("desk-b told of desk-a's declaration").isNotNull();
            assertThat(followed.followed()).isTrue();
            TaskRow onB = b.flagReader().read().tasks().stream().filter(r -> r.task().id() == task)
                    .findFirst().orElseThrow();
            assertThat(onB.task().state()).isEqualTo(CalibrationState.DECLARED);
            assertThat(onB.task().declaration().declaredBy()).isEqualTo("amy");
            assertThat(seconds).as("seen on the other desk within a few seconds").isLessThan(5.0);

            // Both desks declare one task at the same moment: one declaration, the other desk is told who.
            long contested = insertTask(jdbi, "SKU-TEAM-2");
            CyclicBarrier together = new CyclicBarrier(2);
            List<CompletableFuture<String>> outcomes = new ArrayList<>();
            for (var desk : List.of(a, b)) {
                String who = desk == a ? "amy" : "bob";
                outcomes.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await(5, TimeUnit.SECONDS);
                        desk.flagEngine().declare(contested, DeclaredCause.SYNC_MISS, null, who);
                        return "declared by " + who;
                    } catch (IllegalStateException e) {
                        return "refused: " + e.getMessage();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, twoDesks));
            }
            List<String> results = outcomes.stream().map(CompletableFuture::join).toList();
            assertThat(results).filteredOn(r -> r.startsWith("declared")).hasSize(1);
            assertThat(results).filteredOn(r -> r.startsWith("refused")).singleElement()
                    .satisfies(r -> assertThat(r).contains("declared by"));
            int declarations = jdbi.withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM calibration_declaration WHERE task_id = :t").bind("t", contested)
                    .mapTo(Integer.class).one());
            assertThat(declarations).as("recorded once").isEqualTo(1);

            // An alert acknowledged on both desks at once: one audit row.
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO alert (alert_key, kind, seller_sku, warehouse_id, raised_at, "
                    + "state) VALUES ('OVERSELL_RISK:SKU-TEAM-3@shipbob:228', 'OVERSELL_RISK', 'SKU-TEAM-3', "
                    + "'shipbob:228', :now, 'ACTIVE')").bind("now", OffsetDateTime.now(ZoneOffset.UTC)).execute());
            CyclicBarrier both = new CyclicBarrier(2);
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            for (var desk : List.of(a, b)) {
                acks.add(CompletableFuture.runAsync(() -> {
                    try {
                        both.await(5, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    desk.flagEngine().acknowledge("OVERSELL_RISK:SKU-TEAM-3@shipbob:228", desk == a ? "amy" : "bob");
                }, twoDesks));
            }
            acks.forEach(CompletableFuture::join);
            int ackRows = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM alert_event WHERE alert_key = "
                    + "'OVERSELL_RISK:SKU-TEAM-3@shipbob:228' AND action = 'ACKNOWLEDGED'").mapTo(Integer.class).one());
            assertThat(ackRows).as("acknowledged once").isEqualTo(1);
            System.out.printf("team declarations: declared on desk-a, seen declared on desk-b after %.2f s; "
                    + "concurrent declare → %s; concurrent acknowledge → %d audit row%n", seconds, results, ackRows);
        } finally {
            twoDesks.shutdownNow();
        }
    }
}
