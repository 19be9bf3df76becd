package com.stocklens.connector.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import okhttp3.Headers;

/**
 * A provider's whole answer to one call, read and closed: what a connector interprets after the shared
 * retries are done. A successful answer's body was parsed as it streamed in ({@link #json}); a failed one keeps
 * the first {@link ReadLimits#ERROR_BODY_BYTES} bytes ({@link #body}) for the provider's words.
 *
 * @param status the HTTP status of the last attempt
 * @param body   the bytes kept of the body: a failed answer's first bytes, empty for a parsed one (not copied:
 *               the answer is read once)
 * @param json   a successful answer's body as JSON, or null (a failed answer, or no body)
 */
public record HttpAnswer(int status, Headers headers, byte[] body, JsonNode json) {
    public HttpAnswer {
        Objects.requireNonNull(headers, "headers");
        body = body == null ? new byte[0] : body;
    }

    /** An answer whose body was kept as bytes. */
    public HttpAnswer(int status, Headers headers, byte[] body) {
        this(status, headers, body, null);
    }

    /** 2xx. */
    public boolean successful() {
        return status >= 200 && status < 300;
    }
}
