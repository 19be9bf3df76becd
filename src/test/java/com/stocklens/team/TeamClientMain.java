package com.stocklens.team;

import java.time.Duration;

/**
 * A desk in its own JVM, for the election test to kill: {@code PG_URL SANDBOX_BASE DESK LEASE_MS CADENCE_MS}.
 * Prints {@code OPEN} once running and {@code HOLDS <lease>} whenever it wins one.
 */
public final class TeamClientMain {
    private TeamClientMain() {
    }

    @SuppressWarnings("java:S106")
    public static void main(String[] args) throws Exception {
        TeamClient client = TeamClient.start(args[0], args[1], args[2], Duration.ofMillis(Long.parseLong(args[3])),
                Duration.ofMillis(Long.parseLong(args[4])));
        client.lease.subscribe(name -> System.out.println((client.lease.holds(name) ? "HOLDS " : "LOST ") + name));
        for (String s : new String[] {TeamClient.TIKTOK, TeamClient.SHIPBOB}) {
            if (client.lease.holds(s)) {
                System.out.println("HOLDS " + s);
            }
        }
        System.out.println("OPEN");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
