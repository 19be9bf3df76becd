package com.stocklens.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.connector.MalformedResponseException;
import com.stocklens.connector.TransientSourceException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page cap and the repeat checks every connector's paging goes through. */
class PagesTest {
    @Test
    void countsPagesAndStopsAListThatDoesNotEnd() throws Exception {
        Pages pages = new Pages("Acme stock", 3);

        assertThat(List.of(pages.next(), pages.next(), pages.next())).containsExactly(1, 2, 3);
        assertThatThrownBy(pages::next).isInstanceOf(MalformedResponseException.class)
                .hasMessage("Acme stock paging did not end after 3 pages");
        assertThat(new Pages("Acme stock")).isNotNull();
        assertThatThrownBy(() -> new Pages("Acme stock", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLinkServedTwiceIsMalformed() throws Exception {
        Pages pages = new Pages("Acme stock");
        pages.unseen("/stock?cursor=a", "link /stock?cursor=a");
        pages.unseen("/stock?cursor=b", "link /stock?cursor=b");

        assertThatThrownBy(() -> pages.unseen("/stock?cursor=a", "link /stock?cursor=a"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessage("Acme stock paging repeated link /stock?cursor=a");
    }

    @Test
    void thePreviousPageServedAgainIsMalformed() throws Exception {
        Pages pages = new Pages("Acme stock");
        pages.unlikeLast(List.of("a", "b"), "page 1");
        pages.unlikeLast(List.of("c"), "page 2");
        // Only the page just before counts: the protocol has no key to remember.
        pages.unlikeLast(List.of("a", "b"), "page 3");

        assertThatThrownBy(() -> pages.unlikeLast(List.of("a", "b"), "page 4"))
                .isInstanceOf(MalformedResponseException.class).hasMessage("Acme stock paging repeated page 4");
    }

    /** Issue 18 item 8: a read's deadline, on the factory's monotonic clock (main paged until 100 000 pages). */
    @Test
    void aListStopsAtTheReadsDeadlineAndItsCapIsDerivedFromThePageSize() throws Exception {
        FakeTime time = new FakeTime();
        Pages pages = new Pages("Acme stock", ReadLimits.pageCap(250), new ReadDeadline(time, Duration.ofMinutes(2)));
        pages.next();
        time.sleep(Duration.ofSeconds(119));
        pages.next();
        time.sleep(Duration.ofSeconds(1));

        assertThatThrownBy(pages::next).isInstanceOf(TransientSourceException.class)
                .hasMessage("Acme stock: the read did not end within its deadline of 2 minutes (2 pages read); it "
                        + "stopped there and nothing of it was stored");
        assertThat(ReadLimits.pageCap(250)).isEqualTo(4_001);
        assertThat(ReadLimits.pageCap(100)).isEqualTo(10_001);
        assertThat(ReadLimits.pageCap(1)).isEqualTo(1_000_001);
    }
}
