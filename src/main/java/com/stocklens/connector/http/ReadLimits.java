package com.stocklens.connector.http;

import com.stocklens.domain.ConnectionField;
import java.time.Duration;

/**
 * The bounds of one source's read, one formula for every connector (docs/RELIABILITY.md, "Bad answers from a
 * provider"). A provider that answers without end, pages without end or takes forever costs that source its
 * sync and nothing more: the other sources sync, the previous snapshot stays.
 * <ul>
 * <li><b>Body cap</b> of one answer: {@value #BASE_BODY_MIB} MiB + page size × {@value #BODY_KIB_PER_ITEM} KiB
 *     (ShipBob at 250 a page: 31.6 MiB; WINIT and GoodCang at 200: 28.5 MiB; TikTok, whose inventory search
 *     takes 600 SKUs: 53.5 MiB). An item of a real account's page is below 2 KiB, so the cap is some 30 times
 *     what a page can need; the base leaves room for an unpaged list (WINIT's older shape, a warehouse list).
 *     The body is parsed as it streams in, never held as text; a larger answer fails its source.</li>
 * <li><b>Error body</b>: the first {@value #ERROR_BODY_KIB} KiB of a failed answer are read for the provider's
 *     words; the rest is dropped.</li>
 * <li><b>Page cap</b> of one list: ⌈{@value #MAX_ITEMS} / page size⌉ + 1 pages: more than a list of a million
 *     items needs (ShipBob at 250 a page: 4 001 pages).</li>
 * <li><b>Deadline</b> of one read: {@link #DEFAULT_DEADLINE} unless the connection sets
 *     {@value #DEADLINE_SETTING} (minutes); checked before every page.</li>
 * </ul>
 */
public final class ReadLimits {
    /** More items than any one list of a seller's account holds. */
    public static final long MAX_ITEMS = 1_000_000;
    static final long BASE_BODY_MIB = 16;
    static final long BODY_KIB_PER_ITEM = 64;
    static final int ERROR_BODY_KIB = 64;
    /** The bytes of a failed answer that are read. */
    public static final int ERROR_BODY_BYTES = ERROR_BODY_KIB * 1024;
    /** How long one read of a source may take, all its pages and retries included. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(20);
    /** The connection setting (whole minutes) that replaces {@link #DEFAULT_DEADLINE}. */
    public static final String DEADLINE_SETTING = ConnectionField.READ_DEADLINE;

    private ReadLimits() {
    }

    /** The most bytes one answer to a request for {@code pageSize} items may have. */
    public static long bodyCap(int pageSize) {
        return (BASE_BODY_MIB << 20) + Math.max(1, pageSize) * (BODY_KIB_PER_ITEM << 10);
    }

    /** The most pages one list read {@code pageSize} at a time may take. */
    public static int pageCap(int pageSize) {
        int size = Math.max(1, pageSize);
        return (int) Math.min(Integer.MAX_VALUE - 1, (MAX_ITEMS + size - 1) / size) + 1;
    }

    /** {@code bytes} in a person's words: "80 MB", "64 KB". */
    public static String size(long bytes) {
        return bytes >= 1 << 20 ? Math.round(bytes / (double) (1 << 20)) + " MB"
                : Math.round(bytes / 1024.0) + " KB";
    }
}
