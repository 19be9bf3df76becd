package com.stocklens.ui.stock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
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
 * Here an apply touches only the rows that changed: the rows kept stay where they are relative to each
 * other, the new ones are merged in (a stable TimSort over an almost sorted list), and the change fired
 * lists exactly the stretches that differ. A sort or a filter change recomputes once. FX thread only.
 */
public final class ShownRows extends ObservableListBase<StockRowViewModel> {
    private List<StockRowViewModel> base = List.of();
    private ArrayList<StockRowViewModel> shown = new ArrayList<>();
    private Predicate<StockRowViewModel> predicate;
    private final ObjectProperty<Comparator<? super StockRowViewModel>> comparator =
            new SimpleObjectProperty<>(this, "comparator");

    ShownRows() {
        comparator.addListener((obs, o, n) -> resort());
    }

    @Override
    public StockRowViewModel get(int index) {
        return shown.get(index);
    }

    @Override
    public int size() {
        return shown.size();
    }

    /** The table's sort order; null: the base order. Setting it re-sorts once (a permutation). */
    public ObjectProperty<Comparator<? super StockRowViewModel>> comparatorProperty() {
        return comparator;
    }

    public Comparator<? super StockRowViewModel> getComparator() {
        return comparator.get();
    }

    public void setComparator(Comparator<? super StockRowViewModel> value) {
        comparator.set(value);
    }

    /** The filter; null shows every row. Recomputes once. */
    void setPredicate(Predicate<StockRowViewModel> value) {
        predicate = value;
        replaceAll(compute(base));
    }

    /** Every row of {@code all} (base order) that passes the filter, sorted; one change replacing all. */
    void reset(List<StockRowViewModel> all) {
        base = all;
        replaceAll(compute(all));
    }

    /**
     * The rows are now {@code all} (base order): {@code gone} are the row objects of the previous snapshot
     * that are not in it (changed or removed), {@code fresh} the ones new in it; every other row object is
     * the same as before. Only the stretches where gone rows leave or fresh rows arrive change.
     */
    void update(List<StockRowViewModel> all, Set<StockRowViewModel> gone, Set<StockRowViewModel> fresh) {
        base = all;
        ArrayList<StockRowViewModel> next;
        Comparator<? super StockRowViewModel> order = comparator.get();
        if (order == null) {
            next = compute(all);
        } else {
            next = new ArrayList<>(shown.size() + fresh.size());
            for (StockRowViewModel r : shown) {
                if (!gone.contains(r)) {
                    next.add(r);
                }
            }
            for (StockRowViewModel r : fresh) {
                if (passes(r)) {
                    next.add(r);
                }
            }
            // Kept rows are still in order, the fresh ones at the end: a run and a short tail for TimSort.
            next.sort(order);
        }
        List<StockRowViewModel> old = shown;
        List<Stretch> changes = Stretches.between(old, next, gone, fresh);
        shown = next;
        if (changes == null) {
            fireChange(new Stretches(this, List.of(new Stretch(0, next.size(), List.copyOf(old)))));
        } else if (changes.size() == 1) {
            fireChange(new Stretches(this, changes));
        } else if (changes.size() > 1) {
            // One stretch from the first change to the last: TableView keeps its selection (by row object)
            // through one replaced stretch, but shifts it by the sum of several adds and removes.
            Stretch first = changes.get(0);
            Stretch last = changes.get(changes.size() - 1);
            // The rows after the last stretch are the same in both lists: the old stretch ends where they begin.
            int removedTo = old.size() - (next.size() - last.to());
            fireChange(new Stretches(this, List.of(new Stretch(first.from(), last.to(),
                    List.copyOf(old.subList(first.from(), removedTo))))));
        }
    }

    private boolean passes(StockRowViewModel r) {
        return predicate == null || predicate.test(r);
    }

    /** The base rows that pass the filter, in the sort order (stable: ties keep the base order). */
    private ArrayList<StockRowViewModel> compute(List<StockRowViewModel> all) {
        ArrayList<StockRowViewModel> out = new ArrayList<>(all.size());
        for (StockRowViewModel r : all) {
            if (passes(r)) {
                out.add(r);
            }
        }
        Comparator<? super StockRowViewModel> order = comparator.get();
        if (order != null) {
            out.sort(order);
        }
        return out;
    }

    private void replaceAll(ArrayList<StockRowViewModel> next) {
        List<StockRowViewModel> old = shown;
        shown = next;
        if (old.isEmpty() && next.isEmpty()) {
            return;
        }
        fireChange(new Stretches(this, List.of(new Stretch(0, next.size(), List.copyOf(old)))));
    }

    /** A new sort order: the same rows, permuted (a selection follows its row). */
    private void resort() {
        Comparator<? super StockRowViewModel> order = comparator.get();
        if (order == null) {
            replaceAll(compute(base));
            return;
        }
        int n = shown.size();
        Integer[] byNewPlace = new Integer[n];
        for (int i = 0; i < n; i++) {
            byNewPlace[i] = i;
        }
        List<StockRowViewModel> before = shown;
        Arrays.sort(byNewPlace, (a, b) -> order.compare(before.get(a), before.get(b)));
        ArrayList<StockRowViewModel> next = new ArrayList<>(n);
        int[] permutation = new int[n];
        for (int place = 0; place < n; place++) {
            int from = byNewPlace[place];
            next.add(before.get(from));
            permutation[from] = place;
        }
        shown = next;
        if (n > 0) {
            beginChange();
            nextPermutation(0, n, permutation);
            endChange();
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
         * The stretches turning {@code old} into {@code next}, or null when a kept row moved relative to the
         * others (a sort on the reading's age: the caller then replaces all).
         */
        static List<Stretch> between(List<StockRowViewModel> old, List<StockRowViewModel> next,
                                 Set<StockRowViewModel> gone, Set<StockRowViewModel> fresh) {
            List<Stretch> out = new ArrayList<>();
            int i = 0;
            int j = 0;
            while (i < old.size() || j < next.size()) {
                int from = j;
                int removedFrom = i;
                while (i < old.size() && gone.contains(old.get(i))) {
                    i++;
                }
                while (j < next.size() && fresh.contains(next.get(j))) {
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
