import java.util.*;

/** Custom checked exceptions, causes, suppressed exceptions, finally ordering and multi-catch. */
public class ExceptionsChained {
    static class ConfigException extends Exception {
        final int line;
        ConfigException(String msg, int line, Throwable cause) { super(msg + " at line " + line, cause); this.line = line; }
    }

    static class Res implements AutoCloseable {
        final String name; final boolean failOnClose;
        Res(String name, boolean failOnClose) { this.name = name; this.failOnClose = failOnClose; System.out.println("open " + name); }
        public void close() {
            System.out.println("close " + name);
            if (failOnClose) throw new IllegalStateException("close failed: " + name);
        }
    }

    static int parse(String[] lines) throws ConfigException {
        int sum = 0;
        for (int i = 0; i < lines.length; i++) {
            try {
                sum += Integer.parseInt(lines[i].trim());
            } catch (NumberFormatException e) {
                throw new ConfigException("bad number '" + lines[i] + "'", i + 1, e);
            }
        }
        return sum;
    }

    static String order() {
        StringBuilder sb = new StringBuilder();
        try {
            try {
                sb.append("try;");
                throw new UnsupportedOperationException("inner");
            } finally {
                sb.append("finally1;");
            }
        } catch (RuntimeException e) {
            sb.append("catch ").append(e.getMessage()).append(';');
        } finally {
            sb.append("finally2");
        }
        return sb.toString();
    }

    @SuppressWarnings("finally")
    static int finallyWins() {
        try { return 1; } finally { return 2; }
    }

    public static void main(String[] args) {
        try {
            System.out.println("sum " + parse(new String[] {"1", " 2", "3 "}));
            parse(new String[] {"4", "x5"});
        } catch (ConfigException e) {
            System.out.println(e.getMessage() + " (line " + e.line + ")");
            System.out.println("cause: " + e.getCause());
        }
        try (Res a = new Res("a", true); Res b = new Res("b", true)) {
            throw new RuntimeException("body");
        } catch (RuntimeException e) {
            System.out.println("caught " + e.getMessage());
            for (Throwable s : e.getSuppressed()) System.out.println("  suppressed " + s.getMessage());
        }
        System.out.println(order());
        System.out.println("finally returns " + finallyWins());
        Object[] things = {null, "abc", 7, new int[0]};
        for (Object o : things) {
            try {
                if (o == null) throw new NullPointerException("null thing");
                if (o instanceof String s) System.out.println(s.charAt(5));
                else if (o instanceof Integer i) System.out.println(10 / (i - 7));
                else System.out.println(((int[]) o)[1]);
            } catch (NullPointerException | ArithmeticException e) {
                System.out.println("multi " + e.getClass().getSimpleName() + ": " + e.getMessage());
            } catch (IndexOutOfBoundsException e) {
                System.out.println("index " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        Throwable t = new IllegalArgumentException("outer", new IllegalStateException("middle", new Error("root")));
        while (t != null) { System.out.println("chain " + t); t = t.getCause(); }
        try {
            Objects.requireNonNull(null, () -> "supplied message");
        } catch (NullPointerException e) {
            System.out.println("npe: " + e.getMessage());
        }
        try {
            Objects.checkIndex(5L, 5L);
        } catch (IndexOutOfBoundsException e) {
            System.out.println("ioobe: " + e.getMessage());
        }
        System.out.println(Objects.requireNonNullElseGet(null, () -> "fallback") + " "
                + Objects.deepEquals(new int[][] {{1, 2}}, new int[][] {{1, 2}}) + " "
                + Objects.deepEquals(new double[] {1}, new double[] {2}) + " " + Objects.checkFromIndexSize(2L, 3L, 5L));
        java.io.StringWriter sw = new java.io.StringWriter();
        new IllegalStateException("to a writer", new RuntimeException("why")).printStackTrace(new java.io.PrintWriter(sw, true));
        sw.toString().lines().forEach(l -> System.out.println("trace| " + l));
        try {
            List.of(1, 2).add(3);
        } catch (UnsupportedOperationException e) {
            System.out.println("immutable: " + e.getClass().getName());
        }
    }
}
