package com.stocklens.connector.tiktok;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Stamps {@code timestamp} and {@code sign} on every attempt, so a retry after a backoff is not
 * refused for a stale timestamp (TikTok accepts now − 5 min … now + 30 s). Signs the exact body
 * bytes the request carries, taken from the {@link Signable} tag, never a re-serialization.
 */
final class TikTokSigningInterceptor implements Interceptor {
    /** What the client attaches to a request: the API path that is signed and the exact body bytes. */
    record Signable(String apiPath, byte[] body) {
    }

    private final String appSecret;
    private final Clock clock;

    TikTokSigningInterceptor(String appSecret, Clock clock) {
        this.appSecret = appSecret;
        this.clock = clock;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Signable signable = request.tag(Signable.class);
        if (signable == null) {
            return chain.proceed(request);
        }
        HttpUrl.Builder url = request.url().newBuilder()
                .removeAllQueryParameters("timestamp")
                .removeAllQueryParameters("sign")
                .addQueryParameter("timestamp", Long.toString(clock.instant().getEpochSecond()));
        HttpUrl unsigned = url.build();
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < unsigned.querySize(); i++) {
            query.put(unsigned.queryParameterName(i), unsigned.queryParameterValue(i));
        }
        String sign = TikTokSigner.sign(appSecret, signable.apiPath(), query, signable.body());
        return chain.proceed(request.newBuilder().url(url.addQueryParameter("sign", sign).build()).build());
    }
}
