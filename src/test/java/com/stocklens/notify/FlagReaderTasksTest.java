package com.stocklens.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.CalibrationState;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.domain.Provider;
import com.stocklens.domain.Warehouse;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.TaskRow;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlagReaderTasksTest {
    private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");
    private static final Warehouse WH = new Warehouse("shipbob:228", Provider.SHIPBOB, "228", "Moreno Valley (CA)",
            null, "US-West", ZoneId.of("America/Los_Angeles"), null);

    private static TaskRow row(long id, CalibrationState state) {
        return new TaskRow(new CalibrationTask(id, "SKU-" + id, WH.id(), T, T.plusSeconds(7200), 1, 2, state,
                null, null, List.of()), "name", WH);
    }

    @Test
    void keepsOnlyOpenTasksAndLearnsWarehouseNames() {
        FlagReaderTasks tasks = new FlagReaderTasks(() -> new FlagBoard(
                List.of(row(1, CalibrationState.OPEN), row(2, CalibrationState.DECLARED)), List.of(), T));
        assertThat(tasks.apply("shipbob:228")).isEqualTo("Moreno Valley (CA)");
        assertThat(tasks.get()).extracting(CalibrationTask::id).containsExactly(1L);
        assertThat(tasks.apply("unknown:1")).isNull();
    }
}
