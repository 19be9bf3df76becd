package com.stocklens.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stocklens.app.demo.DemoConnections;
import com.stocklens.hostile.HostileServer.Dialect;
import com.stocklens.hostile.HostileServer.Mode;
import com.stocklens.sandbox.SandboxClock;
import com.stocklens.sandbox.SandboxCredentials;
import com.stocklens.sandbox.SandboxServer;
import com.stocklens.sandbox.SimulatedWorld;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 7, measured: {@code stocklens sync --once --json} in a child JVM (live mode from the environment:
 * TikTok at the sandbox, ShipBob behind a {@link HostileServer}), its peak resident memory read from
 * {@code /proc/<pid>/status} ({@code VmHWM}) while it runs. An endless ShipBob body and a 50 MB one (past
 * ShipBob's body cap of 31.6 MiB) fail ShipBob alone, with its reason in the JSON, and TikTok syncs; a valid
 * 28 MB page (under the cap: 97 000 SKUs) is read whole. The child gets {@code -Xmx1g}, far above the bound
 * asserted, so the bound is what the app needs, not what the heap allows.
 *
 * <p>On the main of 2026-12-06 the endless body ended in "Sync could not be recorded: OutOfMemoryError" with
 * no JSON (the whole body was read into memory; the issue measured 6.4 GB in 18 s without a heap limit).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileBodiesRssTest {
    /** Peak RSS of a one-shot sync of two sources with a hostile ShipBob answer (measured 262–374 MB here). */
    static final long PEAK_RSS_BOUND_MB = 512;
    /** Peak RSS of reading a 28 MB page of 110 000 SKUs alone, nothing stored. */
    static final long READ_RSS_BOUND_MB = 512;

    @TempDir
    Path dir;

    private SandboxClock clock;
    private SandboxServer sandbox;
    private HostileServer hostile;

    @BeforeAll
    void start() {
        // The child signs TikTok calls with this PC's clock: the sandbox's world runs on it too.
        clock = new SandboxClock(Instant.now());
        sandbox = SandboxServer.start(new SimulatedWorld(DemoConnections.DEMO_SEED, 300, clock));
        sandbox.setRateLimiting(false);
        hostile = HostileServer.proxy(sandbox.baseUrl());
    }

    @AfterAll
    void stop() {
        hostile.close();
        sandbox.close();
    }

    record Outcome(int exit, long peakRssMb, long seconds, JsonNode runs, String stderr, List<String> seen) {
        JsonNode run(String source) {
            for (JsonNode r : runs) {
                if (r.path("source").asText().equals(source)) {
                    return r;
                }
            }
            throw new AssertionError("no run of " + source + " in " + runs);
        }
    }

    @Test
    void anEndlessOrOversizedBodyFailsItsSourceAloneInBoundedMemoryAndAValidLargePageIsRead() throws Exception {
        List<String> lines = new ArrayList<>();
        hostile.arm(Dialect.SHIPBOB, Mode.ENDLESS_BODY, 1);
        Outcome endless = sync("endless");
        lines.add(line("endless ShipBob body", endless));

        hostile.arm(Dialect.SHIPBOB, Mode.HUGE_BODY, 0).hugeBytes(50L << 20);
        Outcome huge = sync("huge");
        lines.add(line("valid 50 MB ShipBob page", huge));

        hostile.arm(Dialect.SHIPBOB, Mode.HUGE_BODY, 0).hugeBytes(28L << 20);
        ChildJvm.Child large = ChildJvm.run(List.of(HostileFetchChild.class.getName(), hostile.baseUrl(), SandboxCredentials.SHIPBOB_TOKEN),
                Map.of(), dir.resolve("fetch"));
        lines.add(String.format("hostile bodies: valid 28 MB ShipBob page, read alone: %s; peak RSS %d MB; %d s",
                large.stdout().strip(), large.peakRssMb(), large.seconds()));
        hostile.disarm();

        lines.forEach(System.out::println);
        for (Outcome failed : List.of(endless, huge)) {
            assertThat(failed.exit()).as(failed.stderr()).isEqualTo(1);
            assertThat(failed.run("shipbob:main").path("status").asText()).isEqualTo("FAILED");
            assertThat(failed.run("shipbob:main").path("error").asText())
                    .contains("the answer is larger than 32 MB, the most one page may hold");
            assertThat(failed.run("shipbob:main").path("requests").asInt())
                    .as("requests seen %s; proxy incidents %s; child stderr %s", failed.seen(), hostile.incidents(),
                            failed.stderr())
                    .isEqualTo(2);
            assertThat(failed.run("tiktok:main").path("status").asText()).isEqualTo("COMPLETE");
        }
        assertThat(large.stdout()).as(large.stderr()).startsWith("rows ");
        assertThat(Integer.parseInt(large.stdout().strip().substring(5))).isGreaterThan(90_000);
        for (Outcome o : List.of(endless, huge)) {
            assertThat(o.peakRssMb()).as("peak RSS in MB").isLessThan(PEAK_RSS_BOUND_MB);
        }
        assertThat(large.peakRssMb()).as("peak RSS in MB").isLessThan(READ_RSS_BOUND_MB);
    }

    private static String line(String what, Outcome o) {
        return String.format("hostile bodies: %s: exit %d, shipbob %s (%s), tiktok %s %s; peak RSS %d MB; %d s", what,
                o.exit(), o.run("shipbob:main").path("status").asText(),
                o.run("shipbob:main").path("error").isNull() ? o.run("shipbob:main").path("rows").asInt() + " rows"
                        : o.run("shipbob:main").path("error").asText(),
                o.run("tiktok:main").path("status").asText(), o.run("tiktok:main").path("error").asText(""),
                o.peakRssMb(), o.seconds());
    }

    /** {@code stocklens sync --once --json} in a child JVM. */
    private Outcome sync(String name) throws IOException, InterruptedException {
        Path workspace = dir.resolve(name);
        // The child signs TikTok calls with this PC's clock; the sandbox's TikTok checks them against the world's.
        hostile.onRequest(() -> clock.set(Instant.now()));
        int before = hostile.requests().size();
        ChildJvm.Child c = ChildJvm.run(List.of("com.stocklens.Launcher", "--data-dir", workspace.toString(), "sync", "--once",
                "--json"), liveEnvironment(), workspace.resolveSibling(name + ".log"));
        JsonNode runs;
        try {
            runs = new ObjectMapper().readTree(c.stdout());
        } catch (IOException e) {
            throw new AssertionError(name + ": no JSON on stdout: " + c.stdout() + c.stderr(), e);
        }
        List<String> seen = hostile.requests().stream().skip(before)
                .map(r -> r.method() + " " + r.path() + "?" + r.query()).toList();
        return new Outcome(c.exit(), c.peakRssMb(), c.seconds(), runs, c.stderr(), seen);
    }

    private Map<String, String> liveEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("STOCKLENS_TIKTOK_API_BASE", hostile.baseUrl());
        env.put("STOCKLENS_TIKTOK_APP_KEY", SandboxCredentials.TIKTOK_APP_KEY);
        env.put("STOCKLENS_TIKTOK_APP_SECRET", SandboxCredentials.TIKTOK_APP_SECRET);
        env.put("STOCKLENS_TIKTOK_ACCESS_TOKEN", SandboxCredentials.TIKTOK_ACCESS_TOKEN);
        env.put("STOCKLENS_SHIPBOB_API_BASE", hostile.baseUrl());
        env.put("STOCKLENS_SHIPBOB_TOKEN", SandboxCredentials.SHIPBOB_TOKEN);
        return env;
    }
}
