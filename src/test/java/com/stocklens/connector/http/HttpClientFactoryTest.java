package com.stocklens.connector.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class HttpClientFactoryTest {

    @Test
    void aClientMadeOnFirstUseIsTheSameClientAfterAndCarriesItsPolicy() {
        HttpClientFactory factory = new HttpClientFactory();
        HttpPolicy policy = HttpPolicy.defaults("test").withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(7),
                Duration.ofSeconds(11));
        Supplier<OkHttpClient> first = factory.onFirstUse(policy, new RequestCounter(), List.of());
        Supplier<OkHttpClient> second = factory.onFirstUse(policy, new RequestCounter(), List.of());

        OkHttpClient client = first.get();

        assertThat(first.get()).isSameAs(client);
        assertThat(second.get()).as("one client per source").isNotSameAs(client);
        assertThat(client.connectTimeoutMillis()).isEqualTo(3_000);
        assertThat(client.readTimeoutMillis()).isEqualTo(7_000);
        assertThat(client.callTimeoutMillis()).isEqualTo(11_000);
        assertThat(client.followRedirects()).as("redirects are ProviderHttp's").isFalse();
        assertThat(client.connectionPool()).as("one pool for every source").isSameAs(second.get().connectionPool());
    }
}
