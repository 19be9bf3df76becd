package com.stocklens.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stocklens.connector.tiktok.TikTokSigner;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Minimal test clients for the two dialects, on java.net.http. */
final class SandboxHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final SandboxServer server;

    SandboxHttp(SandboxServer server) {
        this.server = server;
    }

    /** A parsed answer. */
    record Answer(int status, JsonNode json, HttpResponse<String> raw) {
        int code() {
            return json.path("code").asInt(-1);
        }
    }

    /** A TikTok call, signed with the sandbox secret at {@code timestamp}. */
    Answer tiktok(String method, String path, Map<String, String> params, String body, Instant timestamp)
            throws IOException, InterruptedException {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("app_key", SandboxCredentials.TIKTOK_APP_KEY);
        q.put("timestamp", Long.toString(timestamp.getEpochSecond()));
        q.putAll(params);
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        q.put("sign", TikTokSigner.sign(SandboxCredentials.TIKTOK_APP_SECRET, path, q, bytes));
        return tiktokRaw(method, path, q, body, SandboxCredentials.TIKTOK_ACCESS_TOKEN);
    }

    /** A TikTok call with exactly these query parameters (nothing added, nothing signed). */
    Answer tiktokRaw(String method, String path, Map<String, String> q, String body, String token)
            throws IOException, InterruptedException {
        String query = q.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.tiktokBaseUrl() + path + "?" + query))
                .timeout(Duration.ofSeconds(10))
                .header("content-type", "application/json");
        if (token != null) {
            b.header("x-tts-access-token", token);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return answer(http.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** A ShipBob GET; {@code pathAndQuery} starts with the version, e.g. {@code /2025-07/return}. */
    Answer shipbob(String pathAndQuery, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.shipbobBaseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return answer(http.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    Answer shipbob(String pathAndQuery) throws IOException, InterruptedException {
        return shipbob(pathAndQuery, SandboxCredentials.SHIPBOB_TOKEN);
    }

    private static Answer answer(HttpResponse<String> r) throws IOException {
        JsonNode json;
        try {
            json = r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            json = JSON.nullNode();
        }
        return new Answer(r.statusCode(), json, r);
    }
}
