package dev.uffdgc.samples;

import java.util.Arrays;

/**
 * A JSON workload: generates seeded random documents, prints them compactly, parses that, pretty-prints,
 * parses again and requires every stage to agree; then feeds malformed documents to the parser and reports
 * each error it catches. Exercises strings, StringBuilder, string switch, records, exceptions with causes.
 *
 * <p>Usage: {@code Json [records] [rounds]} (defaults 200, 20). Each round builds a new document of
 * {@code records} entries, so allocation grows with both, the live set only with {@code records}.
 */
public final class Json {
    private static final String[] KEYS = {
        "id", "name", "tags", "score", "active", "parent", "children", "note", "ratio", "Aa", "BB", "path",
    };
    private static final String[] WORDS = {
        "alpha", "beta", "gamma", "delta", "quote\"d", "back\\slash", "tab\there", "new\nline", "caf\u00e9",
        "\u20ac5", "nul\u0000l", "", "slash/", "\u00fcber", "x",
    };
    private static final String[] MALFORMED = {
        "{\"a\": 1,}", "[1, 2", "\"abc", "tru", "{\"a\" 1}", "01", "\"\\x\"", "[1] 2", "-", "\"\\u12G4\"",
        "12345678901234567890", "1e999", "{\"k\": 1, \"k\": 2}", "[1, @]", "", "\"tab\there\"", "1-2",
    };

    /** Counts key occurrences: a tiny open-addressing hash map, since the samples use no java.util maps. */
    static final class KeyCounts {
        private String[] keys = new String[16];
        private int[] counts = new int[16];
        private int size;

        void add(String key) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int i = slot(keys, key);
            if (keys[i] == null) {
                keys[i] = key;
                size++;
            }
            counts[i]++;
        }

        private static int slot(String[] table, String key) {
            int i = (key.hashCode() & 0x7fffffff) % table.length;
            while (table[i] != null && !table[i].equals(key)) {
                i = (i + 1) % table.length;
            }
            return i;
        }

        private void grow() {
            String[] oldKeys = keys;
            int[] oldCounts = counts;
            keys = new String[oldKeys.length * 2];
            counts = new int[oldKeys.length * 2];
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != null) {
                    int i = slot(keys, oldKeys[j]);
                    keys[i] = oldKeys[j];
                    counts[i] = oldCounts[j];
                }
            }
        }

        /** "key=count" lines sorted by key, independent of hash order. */
        String[] sortedEntries() {
            String[] out = new String[size];
            int n = 0;
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != null) {
                    out[n++] = keys[i] + "=" + counts[i];
                }
            }
            Arrays.sort(out);
            return out;
        }
    }

    static JsonValue generate(Rng rng, int depth) {
        int kind = depth <= 0 ? rng.nextInt(6) : rng.nextInt(9);
        switch (kind) {
            case 0: return new JsonValue.Null();
            case 1: return new JsonValue.Bool(rng.chance(50));
            case 2: return new JsonValue.Int(rng.nextLong() >> rng.nextInt(64));
            case 3: return new JsonValue.Real(rng.chance(80) ? rng.between(-500000, 500000) / 1000.0
                    : rng.nextDouble() * (rng.chance(50) ? 1e-9 : 1e21));
            case 4:
            case 5: return new JsonValue.Str(WORDS[rng.nextInt(WORDS.length)] + rng.nextInt(100));
            case 6: {
                JsonValue.Arr a = new JsonValue.Arr();
                for (int i = rng.nextInt(6); i > 0; i--) {
                    a.add(generate(rng, depth - 1));
                }
                return a;
            }
            default: return generateObject(rng, depth - 1, 1 + rng.nextInt(5));
        }
    }

    static JsonValue.Obj generateObject(Rng rng, int depth, int members) {
        JsonValue.Obj o = new JsonValue.Obj();
        for (int i = 0; i < members; i++) {
            // put() refuses duplicates; a refused key simply leaves the object one member shorter.
            o.put(KEYS[rng.nextInt(KEYS.length)], generate(rng, depth));
        }
        return o;
    }

    static JsonValue.Arr document(Rng rng, int records) {
        JsonValue.Arr doc = new JsonValue.Arr();
        for (int i = 0; i < records; i++) {
            JsonValue.Obj rec = generateObject(rng, 3, 3 + rng.nextInt(4));
            rec.put("seq", new JsonValue.Int(i));
            doc.add(rec);
        }
        return doc;
    }

    static void countKeys(JsonValue v, KeyCounts counts) {
        if (v instanceof JsonValue.Obj o) {
            for (int i = 0; i < o.size(); i++) {
                counts.add(o.key(i));
                countKeys(o.value(i), counts);
            }
        } else if (v instanceof JsonValue.Arr a) {
            for (int i = 0; i < a.size(); i++) {
                countKeys(a.get(i), counts);
            }
        }
    }

    /** One full round trip; throws if any stage disagrees, which makes the sample exit non-zero. */
    static String roundTrip(JsonValue doc) {
        String compact = JsonWriter.compact(doc);
        JsonValue first = JsonParser.parse(compact);
        if (!first.equals(doc) || first.hashCode() != doc.hashCode()) {
            throw new IllegalStateException("compact round trip changed the document");
        }
        String pretty = JsonWriter.pretty(first);
        JsonValue second = JsonParser.parse(pretty);
        if (!second.equals(doc) || !JsonWriter.compact(second).equals(compact)) {
            throw new IllegalStateException("pretty round trip changed the document");
        }
        return pretty;
    }

    static void reportMalformed() {
        int caught = 0;
        for (String input : MALFORMED) {
            try {
                JsonValue v = JsonParser.parse(input);
                System.out.println("accepted " + JsonWriter.compact(new JsonValue.Str(input)) + " as "
                        + JsonWriter.compact(v));
            } catch (JsonParser.Malformed e) {
                caught++;
                String cause = e.getCause() == null ? "" : " (cause " + e.getCause().getClass().getName() + ")";
                System.out.println("rejected " + JsonWriter.compact(new JsonValue.Str(input)) + ": "
                        + e.getMessage() + cause);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < JsonParser.MAX_DEPTH + 1; i++) {
            sb.append('[');
        }
        try {
            JsonParser.parse(sb.toString());
        } catch (JsonParser.Malformed e) {
            caught++;
            System.out.println("rejected deep nesting: " + e.getMessage() + ", offset field " + e.offset);
        }
        System.out.println("malformed inputs rejected: " + caught);
    }

    public static void main(String[] args) {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Rng rng = new Rng(20240229L);

        System.out.println(roundTrip(document(new Rng(7), 2)));

        KeyCounts keys = new KeyCounts();
        long chars = 0;
        long values = 0;
        int checksum = 17;
        for (int r = 0; r < rounds; r++) {
            JsonValue.Arr doc = document(rng, records);
            String pretty = roundTrip(doc);
            countKeys(doc, keys);
            chars += pretty.length();
            values += doc.count();
            checksum = 31 * checksum + pretty.hashCode();
        }
        for (String entry : keys.sortedEntries()) {
            System.out.println("key " + entry);
        }
        reportMalformed();
        System.out.println("rounds " + rounds + ", values " + values + ", pretty chars " + chars);
        System.out.println(String.format("checksum %x", checksum));
    }
}
