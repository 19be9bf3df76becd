package com.stocklens.ui.codes;

import com.stocklens.domain.CodeFinding;
import com.stocklens.domain.CodeFindingKind;
import java.util.List;

/** The findings of one kind, in the order the check reported them. */
public record FindingGroup(CodeFindingKind kind, List<CodeFinding> findings) {
    public FindingGroup {
        findings = List.copyOf(findings);
    }

    public int size() {
        return findings.size();
    }
}
