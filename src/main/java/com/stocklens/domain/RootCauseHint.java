package com.stocklens.domain;

import java.util.Objects;

/**
 * One hint: its kind and how many units it could explain (null when not a unit count).
 *
 * @param suggestedCause the cause a seller would most likely declare if this hint is the explanation
 */
public record RootCauseHint(HintKind kind, Integer units, DeclaredCause suggestedCause) {
    public RootCauseHint {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(suggestedCause, "suggestedCause");
    }
}
