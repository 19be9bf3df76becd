package com.stocklens.ui.push;

import com.stocklens.domain.PushRefusal;
import com.stocklens.service.PushLine;
import com.stocklens.service.PushedLine;
import java.time.Instant;
import java.util.List;

/**
 * One line of a push plan or of a push, as a table row: the SKU and warehouse, TikTok's figure before and the
 * figure to set, and why (the working of a planned figure, or the refusal with its arguments and TikTok's words).
 * Immutable; toolkit-free.
 *
 * @param working  for a planned line: available, unreserved, buffer; for an undo: the push undone; else empty
 * @param outcome  what TikTok did with it; null for a plan's line
 */
public record PushRowViewModel(String sellerSku, String warehouseId, String warehouseName, Integer before, Integer after,
                               PushRefusal refusal, List<String> args, List<String> working, PushedLine.Outcome outcome,
                               String tiktokMessage, Instant warehouseAt) {
    public PushRowViewModel {
        args = List.copyOf(args);
        working = List.copyOf(working);
    }

    /** A plan's line: planned (with its working) or refused. */
    public static PushRowViewModel of(PushLine l) {
        return new PushRowViewModel(l.sellerSku(), l.warehouseId(), label(l), l.before(), l.after(), l.refusal(),
                l.planned() ? List.of() : l.args(), l.planned() ? l.args() : List.of(), null, null, l.warehouseAt());
    }

    /** A pushed line with TikTok's answer. */
    public static PushRowViewModel of(PushedLine p) {
        PushLine l = p.line();
        return new PushRowViewModel(l.sellerSku(), l.warehouseId(), label(l), l.before(), l.after(), p.refusal(),
                p.args(), l.args(), p.outcome(), p.tiktokMessage(), l.warehouseAt());
    }

    private static String label(PushLine l) {
        return l.warehouseName() == null ? l.warehouseId() : l.warehouseName();
    }

    /** Refused at planning, by the checks before sending, or by TikTok. */
    public boolean isRefused() {
        return refusal != null;
    }
}
