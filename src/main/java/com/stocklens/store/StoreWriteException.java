package com.stocklens.store;

/**
 * A write the store could not make for a reason outside the data: a full disk, a failing drive.
 * The transaction was rolled back; the message is one plain line for the person (it ends up in
 * {@code sync_run.error}, the status screen and {@code status --json}).
 */
public final class StoreWriteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
