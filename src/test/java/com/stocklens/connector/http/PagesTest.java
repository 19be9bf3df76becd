package com.stocklens.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.connector.MalformedResponseException;
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
}
