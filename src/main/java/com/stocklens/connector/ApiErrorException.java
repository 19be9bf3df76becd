package com.stocklens.connector;

/** The API answered with an error envelope (e.g. TikTok {@code code != 0}). */
public class ApiErrorException extends SourceException {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final String requestId;

    public ApiErrorException(String code, String message, String requestId) {
        super("API error " + code + ": " + message + (requestId == null ? "" : " (request " + requestId + ")"));
        this.code = code;
        this.requestId = requestId;
    }

    public String code() {
        return code;
    }

    public String requestId() {
        return requestId;
    }
}
