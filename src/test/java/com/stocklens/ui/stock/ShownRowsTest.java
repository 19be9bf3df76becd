package com.stocklens.ui.stock;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.Bucket;
import com.stocklens.domain.Market;
import com.stocklens.domain.Provider;
import com.stocklens.domain.Sku;
import com.stocklens.domain.SkuCodes;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.Warehouse;
import com.stocklens.service.BoardRow;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/**
 * The rows on show through diff applies (issue 20): after every apply the list equals the filtered, sorted
 * rows computed from scratch, and replaying each fired change on a copy of the previous list gives the
 * new one (the change says exactly what changed).
 */
class ShownRowsTest {
    private static final Warehouse W = new Warehouse("shipbob:1", Provider.SHIPBOB, "1", "Moreno Valley (CA)",
            Market.US, "US-West", ZoneId.of("America/Los_Angeles"), null);
    private static final Instant AT = Instant.parse("2026-11-27T02:00:00Z");

    private static StockRowViewModel row(int sku, int available) {
        return new StockRowViewModel(new BoardRow(new Sku(new SkuCodes("SKU-" + sku, null, null, null), "n" + sku), W,
                new StockLevel(available, available, 0, 0, 0, 0, 0), available + sku % 3, null, AT, AT));
    }

    private List<StockRowViewModel> lastBase;

    @Test
    void everyApplyEqualsARecomputeAndItsChangeReplaysExactly() {
        Random random = new Random(20261127L);
        Comparator<StockRowViewModel> byAvailable = Comparator.comparing((StockRowViewModel r) -> r.bucket(
                Bucket.AVAILABLE)).thenComparing(StockRowViewModel::sellerSku);
        Predicate<StockRowViewModel> odd = r -> r.bucket(Bucket.AVAILABLE) % 2 == 1;
        for (int variant = 0; variant < 4; variant++) {
            ShownRows shown = new ShownRows();
            List<StockRowViewModel> mirror = new ArrayList<>();
            shown.addListener((ListChangeListener<StockRowViewModel>) c -> replay(c, mirror));
            if (variant % 2 == 1) {
                shown.setComparator(byAvailable);
            }
            if (variant >= 2) {
                shown.setPredicate(odd);
            }
            List<StockRowViewModel> rows = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                rows.add(row(i, random.nextInt(50)));
            }
            rows.sort(StockViewModel.URGENCY_FIRST);
            lastBase = List.copyOf(rows);
            shown.reset(lastBase);
            int nextSku = 400;
            for (int round = 0; round < 60; round++) {
                Set<StockRowViewModel> gone = Collections.newSetFromMap(new IdentityHashMap<>());
                Set<StockRowViewModel> fresh = Collections.newSetFromMap(new IdentityHashMap<>());
                List<StockRowViewModel> next = new ArrayList<>(rows);
                int changes = random.nextInt(12);
                for (int k = 0; k < changes && !next.isEmpty(); k++) {
                    int i = random.nextInt(next.size());
                    StockRowViewModel old = next.get(i);
                    switch (random.nextInt(3)) {
                        case 0 -> { // changed figures
                            StockRowViewModel changed = row(Integer.parseInt(old.sellerSku().substring(4)),
                                    random.nextInt(50));
                            gone.add(old);
                            fresh.add(changed);
                            next.set(i, changed);
                        }
                        case 1 -> { // removed
                            gone.add(old);
                            next.remove(i);
                        }
                        default -> { // added
                            StockRowViewModel added = row(nextSku++, random.nextInt(50));
                            fresh.add(added);
                            next.add(added);
                        }
                    }
                }
                // As a prepared board has them: the fresh rows are in it, the gone ones are not.
                Set<StockRowViewModel> inNext = Collections.newSetFromMap(new IdentityHashMap<>());
                inNext.addAll(next);
                fresh.retainAll(inNext);
                gone.removeAll(inNext);
                next.sort(StockViewModel.URGENCY_FIRST);
                rows = next;
                lastBase = List.copyOf(rows);
                // Worked out as the background thread does, then applied (and once applied as the UI thread
                // would after a sort change in between: from the view on show).
                ShownRows.Next worked = ShownRows.next(shown.view(), lastBase, gone, fresh, false);
                shown.apply(round % 7 == 3 ? null : worked, lastBase, gone, fresh, false);
                List<StockRowViewModel> expected = new ArrayList<>(rows.stream()
                        .filter(variant >= 2 ? odd : r -> true).toList());
                if (variant % 2 == 1) {
                    expected.sort(byAvailable);
                }
                assertThat(shown).as("variant %d round %d", variant, round).containsExactlyElementsOf(expected);
                assertThat(mirror).as("replayed, variant %d round %d", variant, round)
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    /** Applies a change to {@code mirror} as a listener that keeps its own copy would. */
    private static void replay(ListChangeListener.Change<? extends StockRowViewModel> c,
                               List<StockRowViewModel> mirror) {
        while (c.next()) {
            if (c.wasPermutated()) {
                List<StockRowViewModel> copy = new ArrayList<>(mirror);
                for (int i = c.getFrom(); i < c.getTo(); i++) {
                    mirror.set(c.getPermutation(i), copy.get(i));
                }
            } else {
                for (int i = 0; i < c.getRemovedSize(); i++) {
                    assertThat(mirror.remove(c.getFrom())).isSameAs(c.getRemoved().get(i));
                }
                mirror.addAll(c.getFrom(), c.getAddedSubList());
            }
        }
    }
}
