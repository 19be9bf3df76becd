package com.stocklens.ui.wall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The choice of how to keep the screen awake, per OS and installed tools; nothing is run. */
class ScreenAwakeTest {
    @Test
    void linuxResetsTheScreensaverPeriodicallyWhenXdgUtilsIsThere() {
        ScreenAwake.Plan plan = ScreenAwake.plan("Linux", Set.of("xdg-screensaver")::contains, 42);
        assertThat(plan.method()).isEqualTo(ScreenAwake.Method.PERIODIC_COMMAND);
        assertThat(plan.command()).containsExactly("xdg-screensaver", "reset");
        assertThat(plan.period()).isEqualTo(ScreenAwake.PERIOD);
    }

    @Test
    void linuxWithoutXdgUtilsDoesNothing() {
        ScreenAwake.Plan plan = ScreenAwake.plan("Linux", name -> false, 42);
        assertThat(plan.method()).isEqualTo(ScreenAwake.Method.NONE);
        assertThat(plan.command()).isEmpty();
        assertThat(plan.note()).contains("xdg-screensaver");
    }

    @Test
    void macHoldsCaffeinateTiedToOurPid() {
        ScreenAwake.Plan plan = ScreenAwake.plan("Mac OS X", Set.of("caffeinate")::contains, 4711);
        assertThat(plan.method()).isEqualTo(ScreenAwake.Method.HOLD_PROCESS);
        assertThat(plan.command()).containsExactly("caffeinate", "-d", "-w", "4711");
        assertThat(ScreenAwake.plan("Mac OS X", name -> false, 4711).method()).isEqualTo(ScreenAwake.Method.NONE);
    }

    @Test
    void windowsUsesTheExecutionStateApiPeriodically() {
        ScreenAwake.Plan plan = ScreenAwake.plan("Windows 11", name -> false, 1);
        assertThat(plan.method()).isEqualTo(ScreenAwake.Method.WINDOWS_API);
        assertThat(plan.period()).isEqualTo(ScreenAwake.PERIOD);
    }

    @Test
    void aMissingToolIsNotAFailure() {
        try (ScreenAwake awake = new ScreenAwake(new ScreenAwake.Plan(ScreenAwake.Method.HOLD_PROCESS,
                List.of("/nonexistent/stocklens-no-such-tool"), null, "test"))) {
            awake.start();
            awake.start();
        }
        try (ScreenAwake none = new ScreenAwake(ScreenAwake.plan("Plan 9", n -> false, 1))) {
            none.start();
        }
    }
}
