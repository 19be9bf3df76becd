package com.stocklens.connector.http;

import java.util.Objects;
import okhttp3.Headers;

/**
 * A provider's whole answer to one call, read to the end and closed: what a connector interprets after
 * the shared retries are done.
 *
 * @param status the HTTP status of the last attempt
 * @param body   the body's bytes; empty when there was none (not copied: the answer is read once)
 */
public record HttpAnswer(int status, Headers headers, byte[] body) {
    public HttpAnswer {
        Objects.requireNonNull(headers, "headers");
        body = body == null ? new byte[0] : body;
    }

    /** 2xx. */
    public boolean successful() {
        return status >= 200 && status < 300;
    }
}
