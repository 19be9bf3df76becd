package com.stocklens.store;

import com.stocklens.domain.DeclaredCause;
import com.stocklens.domain.HintKind;
import com.stocklens.domain.RootCauseHint;
import java.util.ArrayList;
import java.util.List;

/**
 * Root-cause hints in one compact column: {@code KIND:units:CAUSE} joined by {@code ;}, units empty
 * when the hint is not a count. The store may not use a JSON library, and the list is tiny and
 * always read whole.
 */
final class HintCodec {
    private HintCodec() {
    }

    static String encode(List<RootCauseHint> hints) {
        StringBuilder sb = new StringBuilder();
        for (RootCauseHint h : hints) {
            if (!sb.isEmpty()) {
                sb.append(';');
            }
            sb.append(h.kind().name()).append(':').append(h.units() == null ? "" : h.units().toString())
                    .append(':').append(h.suggestedCause().name());
        }
        return sb.toString();
    }

    static List<RootCauseHint> decode(String text) {
        List<RootCauseHint> hints = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return hints;
        }
        for (String part : text.split(";")) {
            String[] f = part.split(":", -1);
            hints.add(new RootCauseHint(HintKind.valueOf(f[0]), f[1].isEmpty() ? null : Integer.valueOf(f[1]),
                    DeclaredCause.valueOf(f[2])));
        }
        return hints;
    }
}
