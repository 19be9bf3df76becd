package com.stocklens.connector;

import com.stocklens.support.Redactor;

/**
 * A source could not be read completely. Subclasses say whether retrying later can help. The message is
 * redacted as it is made ({@link Redactor#redact}): a provider that echoes a credential in its error text
 * never gets it stored, logged or shown.
 */
public class SourceException extends Exception {
    private static final long serialVersionUID = 1L;

    public SourceException(String message) {
        super(Redactor.redact(message));
    }

    public SourceException(String message, Throwable cause) {
        super(Redactor.redact(message), cause);
    }

    /** True when the same call may succeed later without anybody changing anything. */
    public boolean isTransient() {
        return false;
    }
}
