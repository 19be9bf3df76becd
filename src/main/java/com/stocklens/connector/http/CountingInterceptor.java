package com.stocklens.connector.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Counts every attempt that reaches it; placed inside the retry loop so retries count too. */
final class CountingInterceptor implements Interceptor {
    private final RequestCounter counter;

    CountingInterceptor(RequestCounter counter) {
        this.counter = counter;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        counter.increment();
        return chain.proceed(chain.request());
    }
}
