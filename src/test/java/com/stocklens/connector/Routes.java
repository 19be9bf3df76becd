package com.stocklens.connector;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer dispatcher serving queued responses per "METHOD path?query"; the last one of a route
 * repeats. Unknown routes answer 404.
 */
public final class Routes extends Dispatcher {
    public final Map<String, Deque<MockResponse>> byTarget = new ConcurrentHashMap<>();
    public final List<RecordedRequest> seen = new CopyOnWriteArrayList<>();

    /** Queues answers for {@code GET target}. */
    public Routes on(String target, MockResponse... responses) {
        return on("GET", target, responses);
    }

    public Routes on(String method, String target, MockResponse... responses) {
        byTarget.computeIfAbsent(method + " " + target, t -> new ArrayDeque<>()).addAll(List.of(responses));
        return this;
    }

    /** Puts {@code response} before the queued answers of {@code GET target} (or {@code method}). */
    public Routes first(String method, String target, MockResponse response) {
        byTarget.computeIfAbsent(method + " " + target, t -> new ArrayDeque<>()).addFirst(response);
        return this;
    }

    public Routes replace(String method, String target, MockResponse... responses) {
        byTarget.remove(method + " " + target);
        return on(method, target, responses);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        seen.add(request);
        String q = request.getUrl().encodedQuery();
        String target = request.getMethod() + " " + request.getUrl().encodedPath() + (q == null ? "" : "?" + q);
        Deque<MockResponse> queue = byTarget.get(target);
        if (queue == null || queue.isEmpty()) {
            return new MockResponse.Builder().code(404).body("{\"title\":\"no route " + target + "\"}").build();
        }
        return queue.size() > 1 ? queue.poll() : queue.peek();
    }

    /** A JSON answer from a fixture. */
    public static MockResponse json(int code, String fixture) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body(Fixtures.read(fixture)).build();
    }

    public static MockResponse body(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }
}
