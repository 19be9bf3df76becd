package com.stocklens.hostile;

import com.stocklens.app.connections.SourceFactory;
import com.stocklens.connector.SourceException;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.domain.Connection;
import com.stocklens.domain.ConnectionKind;
import com.stocklens.domain.Reading;
import java.time.Clock;
import java.util.Map;

/**
 * A child JVM for {@link HostileBodiesRssTest}: one read of a ShipBob account at {@code args[0]} with token
 * {@code args[1]}, through the production {@link SourceFactory}, nothing stored, so its peak memory is the read's.
 * Prints {@code rows <n>} or {@code failed <reason>}.
 */
public final class HostileFetchChild {
    private HostileFetchChild() {
    }

    public static void main(String[] args) {
        Connection c = new Connection("shipbob:main", ConnectionKind.SHIPBOB, "ShipBob", true, null,
                Map.of("api_base", args[0]));
        try {
            Reading r = new SourceFactory(new HttpClientFactory(), Clock.systemUTC())
                    .create(c, Map.of("token", args[1])::get).fetch();
            System.out.println("rows " + r.stock().size());
        } catch (SourceException e) {
            System.out.println("failed " + e.getMessage());
        }
        System.exit(0);
    }
}
