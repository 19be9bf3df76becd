package com.stocklens.rules;

import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.ReturnItem;
import com.stocklens.domain.ReturnStage;
import com.stocklens.domain.StockPair;
import com.stocklens.domain.Wording;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * docs/DOMAIN.md §6: returns need 2–5 working days of inspection; a unit waiting for QC longer than
 * {@code returnQcWorkingDays} working days is flagged.
 *
 * <p>Working days are Monday to Friday (no holiday calendar yet), counted in the warehouse's time zone
 * as the days d with arrival date &lt; d ≤ today: a unit that arrived on Friday has waited 1 working
 * day on Monday. A unit is taken to have arrived for QC at its last update ({@code updatedAt}, when TikTok
 * moved it to AWAITING_QC), else at its creation.
 */
public final class ReturnQcOverdueRule {
    private ReturnQcOverdueRule() {
    }

    /** Mon–Fri dates in (from, to]; 0 when {@code to} is not after {@code from}. */
    public static int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                n++;
            }
        }
        return n;
    }

    /** Working days a unit has been waiting for QC at {@code now}; null when it is not waiting or has no time. */
    public static Integer waitingWorkingDays(ReturnItem item, Instant now, ZoneId zone) {
        if (item.stage() != ReturnStage.AWAITING_QC) {
            return null;
        }
        Instant arrived = item.updatedAt() != null ? item.updatedAt() : item.createdAt();
        if (arrived == null) {
            return null;
        }
        return workingDaysBetween(arrived.atZone(zone).toLocalDate(), now.atZone(zone).toLocalDate());
    }

    /** @return actual = longest wait in working days, limit = the allowed working days */
    public static Optional<Alert> evaluate(StockPair pair, List<ReturnItem> returns, int allowedWorkingDays,
                                           ZoneId zone, Instant now) {
        if (returns == null) {
            return Optional.empty();
        }
        int overdue = 0;
        int longest = -1;
        for (ReturnItem r : returns) {
            Integer waited = waitingWorkingDays(r, now, zone);
            if (waited != null && waited > allowedWorkingDays) {
                overdue++;
                longest = Math.max(longest, waited);
            }
        }
        if (overdue == 0) {
            return Optional.empty();
        }
        return Optional.of(Alerts.forPair(AlertKind.RETURN_QC_OVERDUE, pair, now, longest, allowedWorkingDays,
                Wording.of("returnQc.overdue", overdue, allowedWorkingDays, longest)));
    }
}
