package com.stocklens.connector.http;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each attempt at DEBUG (method, URL, headers, status, time) with every credential replaced
 * by {@value #MASK}. Bodies are never logged: token responses and some requests carry secrets.
 */
public final class RedactingLoggingInterceptor implements Interceptor {
    /** What a secret value is replaced with. */
    public static final String MASK = "REDACTED";

    private static final Logger LOG = LoggerFactory.getLogger("com.stocklens.connector.http.wire");

    /** Header and query names (lower case) whose values are secrets. */
    private static final Set<String> SENSITIVE = Set.of(
            "authorization", "proxy-authorization", "x-tts-access-token", "cookie", "set-cookie",
            "app_secret", "access_token", "refresh_token", "sign", "token", "auth_code",
            "app-token", "api-key", "x-api-key",
            // GoodCang sends its secret app key as a header; WINIT's signatures and client secret.
            "app-key", "client_sign", "client_secret", "app_token",
            // Chat-robot webhooks: WeCom's "key" and DingTalk's "access_token" alone let anyone post to the group.
            "key", "secret");

    /** A path segment after this one is a bearer credential (Feishu: {@code /open-apis/bot/v2/hook/<id>}). */
    private static final String HOOK_SEGMENT = "hook";

    private final String name;

    /** @param name label of the source in log lines */
    public RedactingLoggingInterceptor(String name) {
        this.name = name;
    }

    /** True when a header or query parameter of this name carries a secret. */
    public static boolean isSensitive(String headerOrParamName) {
        return headerOrParamName != null && SENSITIVE.contains(headerOrParamName.toLowerCase(Locale.ROOT));
    }

    /** The URL with every sensitive query value, and a webhook id in the path, masked. */
    public static String redact(HttpUrl url) {
        url = redactHookPath(url);
        if (url.querySize() == 0) {
            return url.toString();
        }
        HttpUrl.Builder b = url.newBuilder().query(null);
        for (int i = 0; i < url.querySize(); i++) {
            String key = url.queryParameterName(i);
            String value = url.queryParameterValue(i);
            b.addQueryParameter(key, isSensitive(key) && value != null ? MASK : value);
        }
        return b.build().toString();
    }

    private static HttpUrl redactHookPath(HttpUrl url) {
        List<String> segments = url.pathSegments();
        HttpUrl.Builder b = null;
        for (int i = 1; i < segments.size(); i++) {
            if (HOOK_SEGMENT.equalsIgnoreCase(segments.get(i - 1)) && !segments.get(i).isEmpty()) {
                b = b == null ? url.newBuilder() : b;
                b.setPathSegment(i, MASK);
            }
        }
        return b == null ? url : b.build();
    }

    /** The headers as "name: value" lines with sensitive values masked. */
    public static String redact(Headers headers) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < headers.size(); i++) {
            String n = headers.name(i);
            sb.append(sb.isEmpty() ? "" : ", ").append(n).append(": ")
                    .append(isSensitive(n) ? MASK : headers.value(i));
        }
        return sb.toString();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!LOG.isDebugEnabled()) {
            return chain.proceed(request);
        }
        String url = redact(request.url());
        LOG.debug("[{}] --> {} {} [{}]", name, request.method(), url, redact(request.headers()));
        long start = System.nanoTime();
        try {
            Response response = chain.proceed(request);
            LOG.debug("[{}] <-- {} {} {} ({} ms) [{}]", name, response.code(), request.method(), url,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), redact(response.headers()));
            return response;
        } catch (IOException e) {
            LOG.debug("[{}] <-- failed {} {} ({} ms): {}", name, request.method(), url,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), e.toString());
            throw e;
        }
    }
}
