package com.stocklens.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Plain HTTP calls to the partner dialects (ShipMonk, Flexport) of a running sandbox. */
final class PartnerCalls {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SandboxServer server;

    PartnerCalls(SandboxServer server) {
        this.server = server;
    }

    record Answer(int status, JsonNode json, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Answer call(String method, String pathAndQuery, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json = r.body().isEmpty() ? SandboxHttp.JSON.nullNode() : SandboxHttp.JSON.readTree(r.body());
        } catch (IOException e) {
            json = SandboxHttp.JSON.nullNode();
        }
        return new Answer(r.statusCode(), json, r);
    }

    Answer shipmonk(String method, String pathAndQuery, String body) throws IOException, InterruptedException {
        return call(method, pathAndQuery, Map.of("Api-Key", SandboxCredentials.SHIPMONK_API_KEY), body);
    }

    Answer flexport(String method, String pathAndQuery, String body) throws IOException, InterruptedException {
        return call(method, pathAndQuery, Map.of("Authorization", "Bearer " + SandboxCredentials.FLEXPORT_TOKEN), body);
    }
}
