package dev.uffdgc.samples;

import java.util.Arrays;
import java.util.Objects;

/**
 * The JSON data model of the {@link Json} sample. Scalars are records (their equals/hashCode come from the
 * ObjectMethods bootstrap); arrays and objects are classes with hand-written structural equality over the
 * sample's own growable storage, since the samples use no java.util collections.
 */
interface JsonValue {
    /** Number of values in this tree, this one included. */
    default int count() {
        return 1;
    }

    /** Element-wise equals of the first n slots of two arrays of possibly different capacity. */
    static boolean sameItems(Object[] a, Object[] b, int n) {
        for (int i = 0; i < n; i++) {
            if (!Objects.equals(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }

    record Null() implements JsonValue {}

    record Bool(boolean value) implements JsonValue {}

    record Int(long value) implements JsonValue {}

    record Real(double value) implements JsonValue {}

    record Str(String value) implements JsonValue {}

    /** A JSON array: a growable array of values. */
    final class Arr implements JsonValue {
        private JsonValue[] items = new JsonValue[4];
        private int size;

        void add(JsonValue v) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = v;
        }

        int size() {
            return size;
        }

        JsonValue get(int i) {
            if (i >= size) {
                throw new IndexOutOfBoundsException("index " + i + " of " + size);
            }
            return items[i];
        }

        @Override
        public int count() {
            int n = 1;
            for (int i = 0; i < size; i++) {
                n += items[i].count();
            }
            return n;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Arr other && size == other.size && sameItems(items, other.items, size);
        }

        @Override
        public int hashCode() {
            int h = 1;
            for (int i = 0; i < size; i++) {
                h = 31 * h + items[i].hashCode();
            }
            return h;
        }
    }

    /** A JSON object: members in insertion order; a duplicate key is a parse error, not an overwrite. */
    final class Obj implements JsonValue {
        private String[] keys = new String[4];
        private JsonValue[] values = new JsonValue[4];
        private int size;

        /** Adds a member; returns false if the key is already present. */
        boolean put(String key, JsonValue value) {
            if (indexOf(key) >= 0) {
                return false;
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size++] = value;
            return true;
        }

        int indexOf(String key) {
            for (int i = 0; i < size; i++) {
                if (keys[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        int size() {
            return size;
        }

        String key(int i) {
            return keys[i];
        }

        JsonValue value(int i) {
            return values[i];
        }

        @Override
        public int count() {
            int n = 1;
            for (int i = 0; i < size; i++) {
                n += values[i].count();
            }
            return n;
        }

        /** Order-sensitive: the printer preserves member order, so a round trip must too. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Obj other && size == other.size
                    && sameItems(keys, other.keys, size) && sameItems(values, other.values, size);
        }

        @Override
        public int hashCode() {
            int h = 7;
            for (int i = 0; i < size; i++) {
                h = 31 * h + keys[i].hashCode();
                h = 31 * h + values[i].hashCode();
            }
            return h;
        }
    }
}
