package com.stocklens.service;

import com.stocklens.domain.AlertKind;
import java.util.List;
import java.util.Objects;

/**
 * One kind of the digest: how many lines of it need a look, largest impact first.
 *
 * @param kind  the alert kind
 * @param items its lines, ranked
 */
public record TriageDigest(AlertKind kind, List<TriageItem> items) {
    public TriageDigest {
        Objects.requireNonNull(kind, "kind");
        items = List.copyOf(items);
    }

    public int count() {
        return items.size();
    }
}
