package com.stocklens.service;

import com.stocklens.domain.Market;
import com.stocklens.domain.WarehouseProfile;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Candidate warehouses from a simple CSV (UTF-8, first line headers, comma-separated, "quoted" fields
 * allowed). Columns, by header name in any order; only {@code name} is required, an empty cell is unknown:
 * <pre>
 * name, markets (US;GB), regions (US-West;US-East), api_ready (yes/no), certified (yes/no),
 * outbound_sla_hours, local_returns (yes/no), first_leg_routes (a;b), storage_0_90, storage_91_180,
 * storage_181_plus, pick_pack, inbound, currency, notes
 * </pre>
 * A candidate's id is "candidate:" + its name in lower case with runs of other characters as '-'.
 */
public final class ProfileCsv {
    public static final List<String> COLUMNS = List.of("name", "markets", "regions", "api_ready", "certified",
            "outbound_sla_hours", "local_returns", "first_leg_routes", "storage_0_90", "storage_91_180",
            "storage_181_plus", "pick_pack", "inbound", "currency", "notes");

    /** A line that cannot be read; {@code line} is 1-based (the header is line 1). */
    public static final class CsvProblem extends Exception {
        private final int line;

        public CsvProblem(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private ProfileCsv() {
    }

    /** The id a candidate of this name gets. */
    public static String candidateId(String name) {
        String n = Normalizer.normalize(name.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String slug = n.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
        return "candidate:" + (slug.isEmpty() ? Integer.toHexString(name.hashCode()) : slug);
    }

    /** Parses the whole text; any bad line fails the whole file. */
    public static List<WarehouseProfile> parse(String text, Instant now) throws CsvProblem {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> lines = body.lines().toList();
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new CsvProblem(1, "no header line (expected columns: " + String.join(", ", COLUMNS) + ")");
        }
        List<String> headers = fields(lines.get(0)).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            if (!COLUMNS.contains(headers.get(i))) {
                throw new CsvProblem(1, "unknown column '" + headers.get(i) + "' (known: " + String.join(", ", COLUMNS) + ")");
            }
            index.put(headers.get(i), i);
        }
        if (!index.containsKey("name")) {
            throw new CsvProblem(1, "a 'name' column is required");
        }
        List<WarehouseProfile> out = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            List<String> f = fields(lines.get(n));
            int line = n + 1;
            Row r = new Row(f, index, line);
            String name = r.text("name");
            if (name == null) {
                throw new CsvProblem(line, "name is empty");
            }
            List<Market> markets = new ArrayList<>();
            for (String code : r.list("markets")) {
                markets.add(Market.fromCode(code).orElseThrow(() -> new CsvProblem(line, "unknown market '" + code + "'")));
            }
            Integer sla = r.number("outbound_sla_hours") == null ? null : (int) Math.round(r.number("outbound_sla_hours"));
            out.add(new WarehouseProfile(candidateId(name), name, true, markets, r.list("regions"), r.yes("api_ready"),
                    r.yes("certified"), sla, r.yes("local_returns"), r.list("first_leg_routes"),
                    r.number("storage_0_90"), r.number("storage_91_180"), r.number("storage_181_plus"),
                    r.number("pick_pack"), r.number("inbound"), r.text("currency"), r.text("notes"), now));
        }
        return out;
    }

    private record Row(List<String> fields, Map<String, Integer> index, int line) {
        String text(String column) {
            Integer i = index.get(column);
            if (i == null || i >= fields.size()) {
                return null;
            }
            String v = fields.get(i).strip();
            return v.isEmpty() ? null : v;
        }

        List<String> list(String column) {
            String v = text(column);
            return v == null ? List.of() : Arrays.stream(v.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        Boolean yes(String column) throws CsvProblem {
            String v = text(column);
            if (v == null) {
                return null;
            }
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "yes", "y", "true", "1", "是" -> true;
                case "no", "n", "false", "0", "否" -> false;
                default -> throw new CsvProblem(line, column + " must be yes or no, not '" + v + "'");
            };
        }

        Double number(String column) throws CsvProblem {
            String v = text(column);
            if (v == null) {
                return null;
            }
            try {
                double d = Double.parseDouble(v.replace(",", ""));
                if (!Double.isFinite(d) || d < 0) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new CsvProblem(line, column + " must be a number ≥ 0, not '" + v + "'");
            }
        }
    }

    /** Splits one CSV line: commas, with "double-quoted" fields that may hold commas and "" for a quote. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
