package com.stocklens.connector;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Network failure, timeout or server error that outlasted the retries. */
public class TransientSourceException extends SourceException {
    private static final long serialVersionUID = 1L;

    public TransientSourceException(String message, Throwable cause) {
        super(message, cause);
    }

    public TransientSourceException(String message) {
        super(message);
    }

    /**
     * A network failure in plain words, for the sync log and the health screen: what was asked, then
     * whether the server could not be reached, did not answer in time, or cut the answer off. The
     * exception class and socket details stay in the cause (logged at debug), not in the message.
     */
    public static TransientSourceException network(String what, IOException e) {
        return new TransientSourceException(what + ": " + plainReason(e), e);
    }

    /** The plain reason of an I/O failure (see {@link #network}). */
    public static String plainReason(IOException e) {
        if (e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException) {
            return "could not connect to the server";
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return "the server did not answer in time";
        }
        if (e instanceof SSLException) {
            return "the secure connection to the server failed";
        }
        return "the connection was cut off before the answer was complete";
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
