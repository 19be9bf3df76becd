package com.stocklens.sandbox;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A sandbox serving a seeded 300-SKU world on loopback for one test, its clock moved past the world's
 * start so there is trading to see, and a plain JDK HTTP client pointed at it.
 */
abstract class RunningSandbox {
    static final Instant START = Instant.parse("2026-03-02T15:00:00Z");

    private final long seed;
    private final Duration warmUp;

    SandboxClock clock;
    SimulatedWorld world;
    SandboxServer server;
    SandboxHttp http;

    RunningSandbox(long seed, Duration warmUp) {
        this.seed = seed;
        this.warmUp = warmUp;
    }

    @BeforeEach
    void startSandbox() {
        clock = new SandboxClock(START);
        world = new SimulatedWorld(seed, 300, clock);
        clock.advance(warmUp);
        server = SandboxServer.start(world);
        http = new SandboxHttp(server);
    }

    @AfterEach
    void stopSandbox() {
        server.close();
    }

    Instant now() {
        return clock.instant();
    }
}
