package com.stocklens.service;

import com.stocklens.domain.AlertKind;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

/** Reads the red flags from the store, now or as of a past moment. Blocking I/O: never on the FX thread. */
public interface FlagReader {
    FlagBoard read();

    /**
     * The red flags as they stood at {@code at}: the calibration tasks open then, each with its countdown
     * as it stood then (deadline − at) and the declarations made by then; the alerts that can be told for
     * that moment; {@link FlagBoard#notRecorded()} names the alert kinds that cannot.
     *
     * <p>The default knows no history: nothing is shown and every alert kind is "not recorded".
     */
    default FlagBoard readAt(Instant at) {
        return new FlagBoard(List.of(), List.of(), null, at, EnumSet.allOf(AlertKind.class));
    }
}
