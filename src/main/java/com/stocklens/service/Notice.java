package com.stocklens.service;

import com.stocklens.domain.AlertKind;
import java.time.Instant;
import java.util.Objects;

/**
 * A desktop notification to show (and, where configured, to push to the team's chat). Structured, not
 * text: each sink words it in its own language.
 *
 * @param alertKind    for ALERT_RAISED, else null
 * @param taskId       for calibration notices, else null
 * @param secondsLeft  for calibration notices: time to the deadline, else null
 * @param detail       PUSH_FAILED: the push error; ALERT_RAISED: the alert's detail in its stored form
 *                     ({@code Wording.encode()}, read back with {@code Wording.decode}), the source id of a source
 *                     alert without one, or for a summary of many alerts their count; may be null
 */
public record Notice(
        Instant at,
        NoticeKind kind,
        String sellerSku,
        String warehouseId,
        String warehouseName,
        AlertKind alertKind,
        Long taskId,
        Long secondsLeft,
        String detail) {

    public Notice {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
    }
}
