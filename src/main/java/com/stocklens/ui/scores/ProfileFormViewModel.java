package com.stocklens.ui.scores;

import com.stocklens.domain.Market;
import com.stocklens.domain.WarehouseProfile;
import com.stocklens.service.ProfileCsv;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The hand-entry form of one warehouse profile: a new candidate, or the profile of a candidate or connected
 * warehouse being edited. Every field may stay empty (unknown, never 0). Each text field has its own
 * problem (a message key, formatted with {@link #limit(Field)}), recomputed as the person types; the form
 * is {@link #validProperty() valid} when none has one. A connected warehouse keeps the name its connection
 * reports.
 */
public final class ProfileFormViewModel {
    /** The fields that can be wrong. */
    public enum Field {
        NAME, REGIONS, OUTBOUND_SLA_HOURS, ROUTES, STORAGE_0_90, STORAGE_91_180, STORAGE_181_PLUS, PICK_PACK,
        INBOUND, CURRENCY, NOTES
    }

    /** A yes/no declaration that may be unknown. */
    public enum Answer {
        UNKNOWN, YES, NO;

        static Boolean valueOf(Answer a) {
            return a == null ? null : a.value();
        }

        static Answer of(Boolean b) {
            return b == null ? UNKNOWN : b ? YES : NO;
        }

        Boolean value() {
            return this == UNKNOWN ? null : this == YES;
        }
    }

    /** A promised outbound SLA above 30 days is a typo, not a promise. */
    public static final int MAX_SLA_HOURS = 720;
    /** A fee per unit above this is a typo (price lists are in single units of currency). */
    public static final int MAX_FEE = 10_000;
    public static final int MAX_NAME = 200;
    /** The store's limits (V9): regions and routes are joined with '|'. */
    public static final int MAX_REGIONS = 1000;
    public static final int MAX_ROUTES = 2000;
    public static final int MAX_NOTES = 2000;

    public static final String REQUIRED = "scores.form.error.required";
    public static final String NAME_TAKEN = "scores.form.error.nameTaken";
    public static final String NOT_A_NUMBER = "scores.form.error.number";
    public static final String NEGATIVE = "scores.form.error.negative";
    public static final String WHOLE_HOURS = "scores.form.error.wholeHours";
    public static final String TOO_LARGE = "scores.form.error.tooLarge";
    public static final String TOO_LONG = "scores.form.error.tooLong";
    public static final String CURRENCY = "scores.form.error.currency";

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Za-z]{3}");
    /** Regions: comma, semicolon (also full-width), '|' or a new line between them. */
    private static final Pattern REGION_SEPARATORS = Pattern.compile("[,;，；、|\\n]");
    /** Routes: one per line ('|' is the store's separator, so it splits too). */
    private static final Pattern ROUTE_SEPARATORS = Pattern.compile("[\\n|]");

    private final String existingId;
    private final boolean connected;
    private final WarehouseProfile original;
    private final Set<String> takenIds;
    private final Set<String> takenNames;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final Map<Market, BooleanProperty> markets = new EnumMap<>(Market.class);
    private final StringProperty regions = new SimpleStringProperty(this, "regions", "");
    private final ObjectProperty<Answer> apiReady = new SimpleObjectProperty<>(this, "apiReady", Answer.UNKNOWN);
    private final ObjectProperty<Answer> certified = new SimpleObjectProperty<>(this, "certified", Answer.UNKNOWN);
    private final ObjectProperty<Answer> localReturns = new SimpleObjectProperty<>(this, "localReturns", Answer.UNKNOWN);
    private final StringProperty slaHours = new SimpleStringProperty(this, "slaHours", "");
    private final StringProperty routes = new SimpleStringProperty(this, "routes", "");
    private final StringProperty storage0to90 = new SimpleStringProperty(this, "storage0to90", "");
    private final StringProperty storage91to180 = new SimpleStringProperty(this, "storage91to180", "");
    private final StringProperty storage181plus = new SimpleStringProperty(this, "storage181plus", "");
    private final StringProperty pickPack = new SimpleStringProperty(this, "pickPack", "");
    private final StringProperty inbound = new SimpleStringProperty(this, "inbound", "");
    private final StringProperty currency = new SimpleStringProperty(this, "currency", "USD");
    private final StringProperty notes = new SimpleStringProperty(this, "notes", "");
    private final Map<Field, ReadOnlyStringWrapper> problems = new EnumMap<>(Field.class);
    private final BooleanBinding valid;

    private ProfileFormViewModel(WarehouseProfile existing, boolean connected, Collection<String> takenIds,
                                 Collection<String> takenNames) {
        this.original = existing;
        this.existingId = existing == null ? null : existing.id();
        this.connected = connected;
        this.takenIds = Set.copyOf(takenIds);
        this.takenNames = takenNames.stream().map(ProfileFormViewModel::nameKey).collect(Collectors.toUnmodifiableSet());
        for (Market m : Market.values()) {
            markets.put(m, new SimpleBooleanProperty(this, "market" + m.name(), false));
        }
        if (existing != null) {
            name.set(existing.name());
            existing.markets().forEach(m -> markets.get(m).set(true));
            regions.set(String.join(", ", existing.regions()));
            apiReady.set(Answer.of(existing.apiReady()));
            certified.set(Answer.of(existing.certified()));
            localReturns.set(Answer.of(existing.localReturns()));
            slaHours.set(existing.outboundSlaHours() == null ? "" : existing.outboundSlaHours().toString());
            routes.set(String.join("\n", existing.firstLegRoutes()));
            storage0to90.set(plain(existing.storage0to90()));
            storage91to180.set(plain(existing.storage91to180()));
            storage181plus.set(plain(existing.storage181plus()));
            pickPack.set(plain(existing.pickPack()));
            inbound.set(plain(existing.inbound()));
            currency.set(existing.currency() == null ? "" : existing.currency());
            notes.set(existing.notes() == null ? "" : existing.notes());
        }
        watch(Field.NAME, this::nameProblem, name);
        watch(Field.REGIONS, () -> tooLong(String.join("|", list(regions.get(), REGION_SEPARATORS)), MAX_REGIONS), regions);
        watch(Field.OUTBOUND_SLA_HOURS, () -> numberProblem(slaHours.get(), true, MAX_SLA_HOURS), slaHours);
        watch(Field.ROUTES, () -> tooLong(String.join("|", list(routes.get(), ROUTE_SEPARATORS)), MAX_ROUTES), routes);
        watch(Field.STORAGE_0_90, () -> numberProblem(storage0to90.get(), false, MAX_FEE), storage0to90);
        watch(Field.STORAGE_91_180, () -> numberProblem(storage91to180.get(), false, MAX_FEE), storage91to180);
        watch(Field.STORAGE_181_PLUS, () -> numberProblem(storage181plus.get(), false, MAX_FEE), storage181plus);
        watch(Field.PICK_PACK, () -> numberProblem(pickPack.get(), false, MAX_FEE), pickPack);
        watch(Field.INBOUND, () -> numberProblem(inbound.get(), false, MAX_FEE), inbound);
        watch(Field.CURRENCY, () -> currencyProblem(currency.get()), currency);
        watch(Field.NOTES, () -> tooLong(strip(notes.get()), MAX_NOTES), notes);
        Observable[] all = problems.values().toArray(new Observable[0]);
        valid = Bindings.createBooleanBinding(() -> problems.values().stream().allMatch(p -> p.get() == null), all);
    }

    /**
     * A new candidate.
     *
     * @param takenIds   ids already on the board (a candidate's id comes from its name)
     * @param takenNames names already on the board
     */
    public static ProfileFormViewModel forNew(Collection<String> takenIds, Collection<String> takenNames) {
        return new ProfileFormViewModel(null, false, takenIds, takenNames);
    }

    /**
     * The profile of a warehouse on the board.
     *
     * @param connected  true for a connected warehouse (its name stays; it cannot be deleted)
     * @param takenNames the other warehouses' names
     */
    public static ProfileFormViewModel forExisting(WarehouseProfile profile, boolean connected,
                                                   Collection<String> takenNames) {
        return new ProfileFormViewModel(Objects.requireNonNull(profile, "profile"), connected, Set.of(), takenNames);
    }

    private void watch(Field field, Supplier<String> problem, Observable... on) {
        ReadOnlyStringWrapper p = new ReadOnlyStringWrapper(this, field.name() + "Problem");
        p.bind(Bindings.createStringBinding(problem::get, on));
        problems.put(field, p);
    }

    // ---- validation (static parts are tested at their boundaries) ----------------------------------

    private String nameProblem() {
        String n = strip(name.get());
        if (n.isEmpty()) {
            return REQUIRED;
        }
        if (n.length() > MAX_NAME) {
            return TOO_LONG;
        }
        if (existingId == null && takenIds.contains(ProfileCsv.candidateId(n))) {
            return NAME_TAKEN;
        }
        boolean renamed = original == null || !nameKey(original.name()).equals(nameKey(n));
        return renamed && takenNames.contains(nameKey(n)) ? NAME_TAKEN : null;
    }

    /**
     * What is wrong with {@code text} as a number ≥ 0 and ≤ {@code max} (a whole number when {@code whole}):
     * null when it is fine or blank (blank = unknown). Full-width digits (typed with a Chinese input method)
     * count as digits; grouping commas, exponents, "NaN" and "Infinity" do not.
     */
    static String numberProblem(String text, boolean whole, int max) {
        String t = normalise(text);
        if (t.isEmpty()) {
            return null;
        }
        if (!DECIMAL.matcher(t).matches()) {
            return whole ? WHOLE_HOURS : NOT_A_NUMBER;
        }
        BigDecimal v = new BigDecimal(t.endsWith(".") ? t + "0" : t);
        if (v.signum() < 0) {
            return NEGATIVE;
        }
        if (whole && v.stripTrailingZeros().scale() > 0) {
            return WHOLE_HOURS;
        }
        return v.compareTo(BigDecimal.valueOf(max)) > 0 ? TOO_LARGE : null;
    }

    /** {@code text} as a number (null when blank); only call when {@link #numberProblem} found nothing. */
    static BigDecimal number(String text) {
        String t = normalise(text);
        return t.isEmpty() ? null : new BigDecimal(t.endsWith(".") ? t + "0" : t);
    }

    private static String currencyProblem(String text) {
        String t = normalise(text);
        return t.isEmpty() || CURRENCY_CODE.matcher(t).matches() ? null : CURRENCY;
    }

    private static String tooLong(String text, int max) {
        return text.length() > max ? TOO_LONG : null;
    }

    private static String normalise(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static String nameKey(String s) {
        return Normalizer.normalize(strip(s), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static List<String> list(String text, Pattern separators) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(separators.split(text)).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static String plain(Double d) {
        return d == null ? "" : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    // ---- the result ----------------------------------------------------------------------------------

    /**
     * The profile as filled in (fees rounded to the store's 4 decimals), stamped {@code now}.
     *
     * @throws IllegalStateException when the form is not valid
     */
    public WarehouseProfile toProfile(Instant now) {
        if (!valid.get()) {
            throw new IllegalStateException("the form has problems: " + problems());
        }
        String n = strip(name.get());
        String id = existingId != null ? existingId : ProfileCsv.candidateId(n);
        List<Market> chosen = new ArrayList<>();
        markets.forEach((m, on) -> {
            if (on.get()) {
                chosen.add(m);
            }
        });
        BigDecimal sla = number(slaHours.get());
        String cur = normalise(currency.get()).toUpperCase(Locale.ROOT);
        String note = strip(notes.get());
        return new WarehouseProfile(id, connected ? original.name() : n, !connected, chosen,
                list(regions.get(), REGION_SEPARATORS), Answer.valueOf(apiReady.get()), Answer.valueOf(certified.get()),
                sla == null ? null : sla.intValueExact(), Answer.valueOf(localReturns.get()),
                list(routes.get(), ROUTE_SEPARATORS), fee(storage0to90), fee(storage91to180), fee(storage181plus),
                fee(pickPack), fee(inbound), cur.isEmpty() ? null : cur, note.isEmpty() ? null : note, now);
    }

    private static Double fee(StringProperty p) {
        BigDecimal v = number(p.get());
        return v == null ? null : v.setScale(4, RoundingMode.HALF_UP).doubleValue();
    }

    /** The problems now, by field (only fields that have one). */
    public Map<Field, String> problems() {
        Map<Field, String> out = new EnumMap<>(Field.class);
        problems.forEach((f, p) -> {
            if (p.get() != null) {
                out.put(f, p.get());
            }
        });
        return out;
    }

    /** The limit a field's message mentions: the largest number it takes, or its longest text. */
    public int limit(Field field) {
        return switch (field) {
            case NAME -> MAX_NAME;
            case REGIONS -> MAX_REGIONS;
            case OUTBOUND_SLA_HOURS -> MAX_SLA_HOURS;
            case ROUTES -> MAX_ROUTES;
            case NOTES -> MAX_NOTES;
            case CURRENCY -> 3;
            default -> MAX_FEE;
        };
    }

    // ---- state for the view --------------------------------------------------------------------------

    /** True when editing a profile already on the board (its id stays). */
    public boolean editing() {
        return existingId != null;
    }

    /** True for a connected warehouse: the name is the connection's. */
    public boolean connected() {
        return connected;
    }

    public ReadOnlyStringProperty problemProperty(Field field) {
        return problems.get(field).getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public BooleanProperty marketProperty(Market market) {
        return markets.get(market);
    }

    public StringProperty regionsProperty() {
        return regions;
    }

    public ObjectProperty<Answer> apiReadyProperty() {
        return apiReady;
    }

    public ObjectProperty<Answer> certifiedProperty() {
        return certified;
    }

    public ObjectProperty<Answer> localReturnsProperty() {
        return localReturns;
    }

    public StringProperty slaHoursProperty() {
        return slaHours;
    }

    public StringProperty routesProperty() {
        return routes;
    }

    public StringProperty storage0to90Property() {
        return storage0to90;
    }

    public StringProperty storage91to180Property() {
        return storage91to180;
    }

    public StringProperty storage181plusProperty() {
        return storage181plus;
    }

    public StringProperty pickPackProperty() {
        return pickPack;
    }

    public StringProperty inboundProperty() {
        return inbound;
    }

    public StringProperty currencyProperty() {
        return currency;
    }

    public StringProperty notesProperty() {
        return notes;
    }
}
