package com.stocklens.domain;

import java.util.List;
import java.util.Objects;

/**
 * One finding of the three-code check.
 *
 * @param lines  the source lines involved (1-based; empty when not from a file)
 * @param detail what is wrong and with which codes, in words each reader renders in its language
 */
public record CodeFinding(CodeFindingKind kind, String sellerSku, List<Integer> lines, Wording detail) {
    public CodeFinding {
        Objects.requireNonNull(kind, "kind");
        lines = List.copyOf(lines);
    }
}
