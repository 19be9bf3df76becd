package com.stocklens.app.flags;

import com.stocklens.domain.Alert;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.service.FlagsChanged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every change the flag engine published while a job ran, as one {@link FlagsChanged}: {@code sync --once}
 * judges the flags after each source's sync (the engine's own evaluations) and once more at the end, and what
 * it reports is the sum of them all, not only the last evaluation's. Changes other desks made are left out.
 */
public final class FlagChangesDuring implements Consumer<FlagsChanged> {
    private final List<FlagsChanged> seen = new ArrayList<>();

    @Override
    public synchronized void accept(FlagsChanged changed) {
        if (!changed.followed()) {
            seen.add(changed);
        }
        notifyAll();
    }

    /**
     * The changes published up to and including {@code last} (the job's final evaluation), summed. Listeners
     * hear of a change on the engine's thread, so this waits up to {@code timeout} for {@code last} to arrive.
     */
    public synchronized FlagsChanged until(FlagsChanged last, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (seen.stream().noneMatch(c -> c == last)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    seen.add(last);
                    break;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (seen.stream().noneMatch(c -> c == last)) {
                seen.add(last);
            }
        }
        List<CalibrationTask> opened = new ArrayList<>();
        List<CalibrationTask> resolved = new ArrayList<>();
        List<Alert> raised = new ArrayList<>();
        for (FlagsChanged c : seen) {
            opened.addAll(c.opened());
            resolved.addAll(c.resolved());
            raised.addAll(c.raised());
            if (c == last) {
                break;
            }
        }
        return new FlagsChanged(last.at(), opened, resolved, raised);
    }
}
