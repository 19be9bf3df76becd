package com.stocklens.connector;

/** Network failure, timeout or server error that outlasted the retries. */
public class TransientSourceException extends SourceException {
    private static final long serialVersionUID = 1L;

    public TransientSourceException(String message, Throwable cause) {
        super(message, cause);
    }

    public TransientSourceException(String message) {
        super(message);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
