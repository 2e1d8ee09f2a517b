package dev.uffdgc.samples;

/**
 * Prints {@link JsonValue}s compactly or indented. Output is pure ASCII: control and non-ASCII characters are
 * written as {@code \}{@code uXXXX} escapes, so a sample's stdout is the same bytes under any encoding.
 */
final class JsonWriter {
    private static final String HEX = "0123456789abcdef";

    private final StringBuilder out = new StringBuilder();
    /** Spaces per level, or -1 for the compact form. */
    private final int indent;

    private JsonWriter(int indent) {
        this.indent = indent;
    }

    static String compact(JsonValue v) {
        JsonWriter w = new JsonWriter(-1);
        w.write(v, 0);
        return w.out.toString();
    }

    static String pretty(JsonValue v) {
        JsonWriter w = new JsonWriter(2);
        w.write(v, 0);
        return w.out.toString();
    }

    private void write(JsonValue v, int level) {
        if (v instanceof JsonValue.Obj o) {
            writeObject(o, level);
        } else if (v instanceof JsonValue.Arr a) {
            writeArray(a, level);
        } else if (v instanceof JsonValue.Str s) {
            writeString(s.value());
        } else if (v instanceof JsonValue.Int i) {
            out.append(i.value());
        } else if (v instanceof JsonValue.Real r) {
            out.append(r.value());
        } else if (v instanceof JsonValue.Bool b) {
            out.append(b.value());
        } else if (v instanceof JsonValue.Null) {
            out.append("null");
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
        }
    }

    private void writeObject(JsonValue.Obj o, int level) {
        out.append('{');
        for (int i = 0; i < o.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            newline(level + 1);
            writeString(o.key(i));
            out.append(indent < 0 ? ":" : ": ");
            write(o.value(i), level + 1);
        }
        if (o.size() > 0) {
            newline(level);
        }
        out.append('}');
    }

    private void writeArray(JsonValue.Arr a, int level) {
        out.append('[');
        for (int i = 0; i < a.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            newline(level + 1);
            write(a.get(i), level + 1);
        }
        if (a.size() > 0) {
            newline(level);
        }
        out.append(']');
    }

    private void newline(int level) {
        if (indent < 0) {
            return;
        }
        out.append('\n');
        for (int i = 0; i < level * indent; i++) {
            out.append(' ');
        }
    }

    private void writeString(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        unicodeEscape(c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private void unicodeEscape(char c) {
        out.append("\\u");
        for (int shift = 12; shift >= 0; shift -= 4) {
            out.append(HEX.charAt((c >> shift) & 0xf));
        }
    }
}
