package com.stocklens.app;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.stocklens.support.Redactor;

/**
 * The log file's layout (logback.xml): the pattern's whole line — message, arguments and stack trace, of
 * StockLens's own loggers and of every library's — passes through {@link Redactor#redact} before it is
 * written, so no secret reaches the log even when a library logs it.
 */
public final class RedactingLayout extends PatternLayout {
    @Override
    public String doLayout(ILoggingEvent event) {
        return Redactor.redact(super.doLayout(event));
    }
}
