package com.stocklens.notify;

import com.stocklens.domain.CalibrationState;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.service.AlertRow;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.FlagReader;
import com.stocklens.service.TaskRow;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Adapts the {@link FlagReader} to what {@link NoticeCenter} needs: the open calibration tasks, and
 * warehouse display names learnt from the same board (tasks carry only the warehouse id). Blocking
 * store reads: called on the notice thread only.
 */
public final class FlagReaderTasks implements Supplier<List<CalibrationTask>>, Function<String, String> {
    private final FlagReader reader;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    public FlagReaderTasks(FlagReader reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** The OPEN tasks on the board now (declared ones no longer count down). */
    @Override
    public List<CalibrationTask> get() {
        FlagBoard board = reader.read();
        for (TaskRow row : board.tasks()) {
            if (row.warehouse() != null) {
                names.put(row.warehouse().id(), row.warehouse().name());
            }
        }
        for (AlertRow row : board.alerts()) {
            if (row.warehouse() != null) {
                names.put(row.warehouse().id(), row.warehouse().name());
            }
        }
        return board.tasks().stream().map(TaskRow::task).filter(t -> t.state() == CalibrationState.OPEN).toList();
    }

    /** The warehouse's display name, or null when the board has not shown it yet. */
    @Override
    public String apply(String warehouseId) {
        if (warehouseId == null) {
            return null;
        }
        String name = names.get(warehouseId);
        if (name == null) {
            // A task just opened may name a warehouse we have not read yet: one refresh, then give up.
            get();
            name = names.get(warehouseId);
        }
        return name;
    }
}
