package com.stocklens.connector.goodcang;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * GoodCang answers HTTP 403 when it throttles a caller (a calibration note against live calls,
 * docs/api/warehouses.md §6.3 [UNSURE]). Runs on every attempt, inside the shared retry interceptor, and
 * presents such a 403 as 429 so the shared policy backs off and retries it like any rate limit; the
 * original status travels in {@value #ORIGINAL_STATUS}.
 */
final class ThrottledAs429 implements Interceptor {
    static final String ORIGINAL_STATUS = "X-StockLens-Original-Status";

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.code() != 403) {
            return response;
        }
        return response.newBuilder().code(429).header(ORIGINAL_STATUS, "403").build();
    }
}
