package com.stocklens.ui.stock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableListBase;

/**
 * The rows the stock table shows: the snapshot's rows that pass the filter, in the table's sort order (or
 * the base order when no column is sorted). It replaces a {@code FilteredList} under a {@code SortedList}
 * (issue 20): those re-filter and re-sort their whole list on every change, so a sync that changed a few
 * thousand of 100k rows either replaced everything (and lost the order work) or paid O(n) per changed row.
 *
 * <p>Here a snapshot touches only the rows that changed, and the work is done off the UI thread: from the
 * published {@link View} (what is on show and how) {@link #next} works out the next list on the background
 * thread — the kept rows stay in their order, the changed and new ones are sorted among themselves and
 * galloped into place — and the stretches that differ; the UI thread only swaps the list in and fires that
 * change ({@link #apply}). A sort is one permutation, a filter one recompute. Change methods: UI thread.
 */
public final class ShownRows extends ObservableListBase<StockRowViewModel> {
    /**
     * What is on show and how; immutable, so the background thread can work from it.
     *
     * @param base        every row of the board, in base order
     * @param shown       the rows on show (never changed in place; the base list itself when unfiltered and
     *                    unsorted)
     * @param order       the sort, or null for the base order
     * @param timeOrdered the sort reads the readings' times (the age column)
     * @param filter      the filter, or null
     */
    record View(List<StockRowViewModel> base, List<StockRowViewModel> shown,
                Comparator<? super StockRowViewModel> order, boolean timeOrdered,
                Predicate<StockRowViewModel> filter) {
    }

    /** The view after a snapshot, worked out from {@code from}, and the change to fire (null: all replaced). */
    record Next(View from, View to, List<Stretch> changes) {
    }

    private volatile View view = new View(List.of(), List.of(), null, false, null);
    private final ObjectProperty<Comparator<? super StockRowViewModel>> comparator =
            new SimpleObjectProperty<>(this, "comparator");
    private boolean timeOrdered;

    ShownRows() {
        comparator.addListener((obs, o, n) -> resort(n));
    }

    @Override
    public StockRowViewModel get(int index) {
        return view.shown().get(index);
    }

    @Override
    public int size() {
        return view.shown().size();
    }

    /** What is on show and how, for a diff worked out on the background thread. Any thread. */
    View view() {
        return view;
    }

    /**
     * The table's sort order; null: the base order. Setting it re-sorts once (a permutation). The comparator
     * must not change its answers afterwards (it is also called off the UI thread).
     */
    public ObjectProperty<Comparator<? super StockRowViewModel>> comparatorProperty() {
        return comparator;
    }

    public Comparator<? super StockRowViewModel> getComparator() {
        return comparator.get();
    }

    public void setComparator(Comparator<? super StockRowViewModel> value) {
        setComparator(value, false);
    }

    /**
     * As {@link #setComparator(Comparator)}; {@code readsTimes} says that the order depends on the readings'
     * times (the age column), so a snapshot that moved times on re-sorts instead of merging.
     */
    public void setComparator(Comparator<? super StockRowViewModel> value, boolean readsTimes) {
        timeOrdered = value != null && readsTimes;
        if (value == comparator.get()) {
            resort(value);
        } else {
            comparator.set(value);
        }
    }

    /** The filter; null shows every row. Recomputes once. */
    void setPredicate(Predicate<StockRowViewModel> value) {
        View v = view;
        replaceAll(new View(v.base(), compute(v.base(), value, v.order()), v.order(), v.timeOrdered(), value));
    }

    /** Every row of {@code all} (base order) that passes the filter, sorted; one change replacing all. */
    void reset(List<StockRowViewModel> all) {
        View v = view;
        replaceAll(new View(all, compute(all, v.filter(), v.order()), v.order(), v.timeOrdered(), v.filter()));
    }

    /**
     * The view after a snapshot, from {@code from}: the rows are now {@code all} (base order), {@code gone}
     * are the row objects of {@code from.base()} that are not in it (changed or removed), {@code fresh} the
     * ones new in it; every other row object is the same as before. Pure, for the background thread; null
     * when only the UI thread can work it out (a sort on the readings' age while they moved on: the rows
     * get their new times on the UI thread).
     *
     * @param retimed whether kept rows have newer reading times
     */
    static Next next(View from, List<StockRowViewModel> all, Set<StockRowViewModel> gone,
                     Set<StockRowViewModel> fresh, boolean retimed) {
        Comparator<? super StockRowViewModel> order = from.order();
        Predicate<StockRowViewModel> filter = from.filter();
        List<StockRowViewModel> shown;
        if (order == null) {
            shown = compute(all, filter, null);
        } else if (from.timeOrdered() && retimed) {
            return null;
        } else {
            shown = merge(from.shown(), order, filter, gone, fresh);
        }
        View to = new View(all, shown, order, from.timeOrdered(), filter);
        return new Next(from, to, Stretches.between(from.shown(), shown, gone::contains, fresh::contains));
    }

    /**
     * Shows the snapshot: {@code next} when it was worked out from the view on show (nothing has changed
     * since), else the same worked out here, after the kept rows got their new times. UI thread.
     */
    void apply(Next next, List<StockRowViewModel> all, Set<StockRowViewModel> gone, Set<StockRowViewModel> fresh,
               boolean retimed) {
        View v = view;
        Next n = next != null && next.from() == v ? next : null;
        if (n == null && v.order() != null && v.timeOrdered() && retimed) {
            // Sorted by age: the kept rows' new times move them; one full sort of the new list.
            View to = new View(all, compute(all, v.filter(), v.order()), v.order(), true, v.filter());
            n = new Next(v, to, Stretches.between(v.shown(), to.shown(), gone::contains, fresh::contains));
        } else if (n == null) {
            n = next(v, all, gone, fresh, retimed);
        }
        view = n.to();
        fire(n.from().shown(), n.to().shown(), n.changes());
    }

    /**
     * The kept rows of {@code shown} in their order with the fresh ones (that pass the filter) merged in: the
     * fresh rows are sorted, then each is placed by galloping from the previous one's place, so a sync that
     * changed k of n rows costs about k·log(n/k) comparisons instead of a sort of n. A fresh row goes after
     * kept rows that compare equal (the kept rows do not move).
     */
    private static List<StockRowViewModel> merge(List<StockRowViewModel> shown,
                                                 Comparator<? super StockRowViewModel> order,
                                                 Predicate<StockRowViewModel> filter,
                                                 Set<StockRowViewModel> gone, Set<StockRowViewModel> fresh) {
        ArrayList<StockRowViewModel> kept = new ArrayList<>(shown.size());
        for (StockRowViewModel r : shown) {
            if (!gone.contains(r)) {
                kept.add(r);
            }
        }
        ArrayList<StockRowViewModel> arriving = new ArrayList<>(fresh.size());
        for (StockRowViewModel r : fresh) {
            if (filter == null || filter.test(r)) {
                arriving.add(r);
            }
        }
        arriving.sort(order);
        ArrayList<StockRowViewModel> out = new ArrayList<>(kept.size() + arriving.size());
        int pos = 0;
        for (StockRowViewModel r : arriving) {
            int at = gallop(kept, pos, r, order);
            out.addAll(kept.subList(pos, at));
            out.add(r);
            pos = at;
        }
        out.addAll(kept.subList(pos, kept.size()));
        return out;
    }

    /** The first index at or after {@code from} whose row sorts after {@code r} (exponential, then binary search). */
    private static int gallop(List<StockRowViewModel> sorted, int from, StockRowViewModel r,
                              Comparator<? super StockRowViewModel> order) {
        int n = sorted.size();
        int lo = from;
        int step = 1;
        int hi = from;
        while (hi < n && order.compare(sorted.get(hi), r) <= 0) {
            lo = hi + 1;
            hi = from + step;
            step <<= 1;
        }
        hi = Math.min(hi, n);
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (order.compare(sorted.get(mid), r) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The rows of {@code all} that pass {@code filter}, sorted (stable); {@code all} itself when neither applies. */
    private static List<StockRowViewModel> compute(List<StockRowViewModel> all, Predicate<StockRowViewModel> filter,
                                                   Comparator<? super StockRowViewModel> order) {
        if (filter == null && order == null) {
            return all; // never changed in place
        }
        ArrayList<StockRowViewModel> out = new ArrayList<>(all.size());
        for (StockRowViewModel r : all) {
            if (filter == null || filter.test(r)) {
                out.add(r);
            }
        }
        if (order != null) {
            out.sort(order);
        }
        return out;
    }

    private void replaceAll(View next) {
        List<StockRowViewModel> old = view.shown();
        view = next;
        if (!old.isEmpty() || !next.shown().isEmpty()) {
            fire(old, next.shown(), null);
        }
    }

    /** A new sort order: the same rows, permuted (a selection follows its row); no order: the base order. */
    private void resort(Comparator<? super StockRowViewModel> order) {
        View v = view;
        if (order == null) {
            replaceAll(new View(v.base(), compute(v.base(), v.filter(), null), null, false, v.filter()));
            return;
        }
        List<StockRowViewModel> before = v.shown();
        int n = before.size();
        Integer[] byNewPlace = new Integer[n];
        for (int i = 0; i < n; i++) {
            byNewPlace[i] = i;
        }
        Arrays.sort(byNewPlace, (a, b) -> order.compare(before.get(a), before.get(b)));
        ArrayList<StockRowViewModel> next = new ArrayList<>(n);
        int[] permutation = new int[n];
        for (int place = 0; place < n; place++) {
            int from = byNewPlace[place];
            next.add(before.get(from));
            permutation[from] = place;
        }
        view = new View(v.base(), next, order, timeOrdered, v.filter());
        if (n > 0) {
            beginChange();
            nextPermutation(0, n, permutation);
            endChange();
        }
    }

    /**
     * Fires the change from {@code old} to {@code next}: {@code changes}, or a whole replacement when null.
     * The changes of a snapshot go out as one stretch from the first to the last (TableView shifts a selection
     * by each add and remove, a cost per stretch), removed, then added: TableView's skin answers a replaced
     * stretch by emptying every row on screen and filling it again, each cell restyled (issue 20: in the pulse
     * after each sync's apply), while after rows removed and added it keeps them, each showing its new row. The
     * selection and focus come back by row key after the apply (StockView).
     */
    private void fire(List<StockRowViewModel> old, List<StockRowViewModel> next, List<Stretch> changes) {
        if (changes == null) {
            fireChange(new Stretches(this, List.of(new Stretch(0, next.size(), List.copyOf(old)))));
        } else if (!changes.isEmpty()) {
            Stretch first = changes.get(0);
            Stretch last = changes.get(changes.size() - 1);
            // The rows after the last stretch are the same in both lists: the old stretch ends where they begin.
            int removedTo = old.size() - (next.size() - last.to());
            List<Stretch> out = new ArrayList<>(2);
            if (removedTo > first.from()) {
                out.add(new Stretch(first.from(), first.from(), List.copyOf(old.subList(first.from(), removedTo))));
            }
            if (last.to() > first.from()) {
                out.add(new Stretch(first.from(), last.to(), List.of()));
            }
            fireChange(new Stretches(this, out));
        }
    }

    /** One stretch that differs: {@code [from, to)} of the new list replaces {@code removed} of the old. */
    record Stretch(int from, int to, List<StockRowViewModel> removed) {
    }

    /**
     * The change between two lists whose common rows are the same objects in the same relative order: the
     * stretches, ascending, each at its place in the new list (as if applied one after another).
     */
    static final class Stretches extends ListChangeListener.Change<StockRowViewModel> {
        private final List<Stretch> stretches;
        private int cursor = -1;

        Stretches(ShownRows list, List<Stretch> stretches) {
            super(list);
            this.stretches = stretches;
        }

        /**
         * The stretches turning {@code old} into {@code next} ({@code gone}: rows of {@code old} only,
         * {@code fresh}: rows of {@code next} only), or null when a kept row moved relative to the others.
         */
        static List<Stretch> between(List<StockRowViewModel> old, List<StockRowViewModel> next,
                                     Predicate<StockRowViewModel> gone, Predicate<StockRowViewModel> fresh) {
            List<Stretch> out = new ArrayList<>();
            int i = 0;
            int j = 0;
            while (i < old.size() || j < next.size()) {
                int from = j;
                int removedFrom = i;
                while (i < old.size() && gone.test(old.get(i))) {
                    i++;
                }
                while (j < next.size() && fresh.test(next.get(j))) {
                    j++;
                }
                if (i > removedFrom || j > from) {
                    out.add(new Stretch(from, j, List.copyOf(old.subList(removedFrom, i))));
                }
                boolean oldLeft = i < old.size();
                boolean newLeft = j < next.size();
                if (oldLeft && newLeft) {
                    if (old.get(i) != next.get(j)) {
                        return null;
                    }
                    i++;
                    j++;
                } else if (oldLeft || newLeft) {
                    return null;
                }
            }
            return out;
        }

        @Override
        public boolean next() {
            return ++cursor < stretches.size();
        }

        @Override
        public void reset() {
            cursor = -1;
        }

        @Override
        public int getFrom() {
            return current().from();
        }

        @Override
        public int getTo() {
            return current().to();
        }

        @Override
        public List<StockRowViewModel> getRemoved() {
            return current().removed();
        }

        @Override
        protected int[] getPermutation() {
            return new int[0];
        }

        private Stretch current() {
            if (cursor < 0 || cursor >= stretches.size()) {
                throw new IllegalStateException("Invalid Change state: next() must be called before inspecting the Change.");
            }
            return stretches.get(cursor);
        }
    }
}
