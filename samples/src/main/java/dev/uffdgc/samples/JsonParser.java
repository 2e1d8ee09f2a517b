package dev.uffdgc.samples;

/**
 * A strict recursive-descent JSON parser (RFC 8259) for the {@link Json} sample. Malformed input raises
 * {@link JsonParser.Malformed} naming the offset; number overflow keeps the library's exception as the cause.
 */
final class JsonParser {
    /** Deeper nesting is rejected rather than risking the guest stack. */
    static final int MAX_DEPTH = 64;

    static final class Malformed extends RuntimeException {
        final int offset;

        Malformed(String message, int offset, Throwable cause) {
            super(message + " at offset " + offset, cause);
            this.offset = offset;
        }
    }

    private final String text;
    private int pos;
    private int depth;

    private JsonParser(String text) {
        this.text = text;
    }

    static JsonValue parse(String text) {
        JsonParser p = new JsonParser(text);
        JsonValue v = p.value();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("trailing characters");
        }
        return v;
    }

    private Malformed error(String message) {
        return new Malformed(message, pos, null);
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        return text.charAt(pos);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "' but found '" + peek() + "'");
        }
        pos++;
    }

    private JsonValue value() {
        skipSpace();
        char c = peek();
        if (c == '{' || c == '[') {
            if (++depth > MAX_DEPTH) {
                throw error("nesting deeper than " + MAX_DEPTH);
            }
            try {
                return c == '{' ? object() : array();
            } finally {
                depth--;
            }
        }
        if (c == '"') {
            return new JsonValue.Str(string());
        }
        if (c == '-' || isDigit(c)) {
            return number();
        }
        return literal();
    }

    private JsonValue.Obj object() {
        JsonValue.Obj obj = new JsonValue.Obj();
        expect('{');
        skipSpace();
        if (peek() == '}') {
            pos++;
            return obj;
        }
        while (true) {
            skipSpace();
            int keyAt = pos;
            String key = string();
            skipSpace();
            expect(':');
            if (!obj.put(key, value())) {
                throw new Malformed("duplicate key \"" + key + "\"", keyAt, null);
            }
            skipSpace();
            if (peek() == '}') {
                pos++;
                return obj;
            }
            expect(',');
        }
    }

    private JsonValue.Arr array() {
        JsonValue.Arr arr = new JsonValue.Arr();
        expect('[');
        skipSpace();
        if (peek() == ']') {
            pos++;
            return arr;
        }
        while (true) {
            arr.add(value());
            skipSpace();
            if (peek() == ']') {
                pos++;
                return arr;
            }
            expect(',');
        }
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = peek();
            pos++;
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            sb.append(c == '\\' ? escape() : c);
        }
    }

    private char escape() {
        char c = peek();
        pos++;
        switch (c) {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u': return unicode();
            default:
                pos--;
                throw error("bad escape '\\" + c + "'");
        }
    }

    private char unicode() {
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int d = hexValue(peek());
            if (d < 0) {
                throw error("bad hex digit '" + peek() + "'");
            }
            code = code * 16 + d;
            pos++;
        }
        return (char) code;
    }

    private JsonValue number() {
        int start = pos;
        boolean real = false;
        if (peek() == '-') {
            pos++;
        }
        if (pos >= text.length() || !isDigit(text.charAt(pos))) {
            throw error("digit expected");
        }
        if (text.charAt(pos) == '0' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1))) {
            throw error("leading zero");
        }
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '.' || c == 'e' || c == 'E' || c == '+' || (c == '-' && pos > start)) {
                real = true;
            } else if (!isDigit(c)) {
                break;
            }
            pos++;
        }
        String digits = text.substring(start, pos);
        try {
            if (!real) {
                return new JsonValue.Int(Long.parseLong(digits));
            }
            double d = Double.parseDouble(digits);
            if (Double.isInfinite(d)) {
                throw new Malformed("number out of range", start, null);
            }
            return new JsonValue.Real(d);
        } catch (NumberFormatException e) {
            throw new Malformed("bad number " + digits, start, e);
        }
    }

    private JsonValue literal() {
        int start = pos;
        while (pos < text.length() && isLetter(text.charAt(pos))) {
            pos++;
        }
        String word = text.substring(start, pos);
        switch (word) {
            case "true": return new JsonValue.Bool(true);
            case "false": return new JsonValue.Bool(false);
            case "null": return new JsonValue.Null();
            case "": throw error("unexpected character '" + peek() + "'");
            default: throw new Malformed("unknown literal \"" + word + "\"", start, null);
        }
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
