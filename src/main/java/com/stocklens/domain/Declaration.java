package com.stocklens.domain;

import java.time.Instant;
import java.util.Objects;

/** What the seller declared for a calibration task: the audit trail (who, when, what). */
public record Declaration(DeclaredCause cause, String note, String declaredBy, Instant declaredAt) {
    public Declaration {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(declaredBy, "declaredBy");
        Objects.requireNonNull(declaredAt, "declaredAt");
        if (cause == DeclaredCause.OTHER && (note == null || note.isBlank())) {
            throw new IllegalArgumentException("a note is required when the cause is OTHER");
        }
    }
}
