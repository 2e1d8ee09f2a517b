/** try-with-resources: close order, suppressed exceptions, finally, nested causes, custom exceptions. */
public class TryResources {
    static final class Res implements AutoCloseable {
        final String name;
        final boolean failOnClose;
        Res(String name, boolean failOnClose) { this.name = name; this.failOnClose = failOnClose; System.out.println("open " + name); }
        @Override public void close() {
            System.out.println("close " + name);
            if (failOnClose) throw new IllegalStateException("close failed: " + name);
        }
    }

    static class AppException extends Exception {
        AppException(String m, Throwable cause) { super(m, cause); }
    }

    static int finallyFlow() {
        int x = 1;
        try { return x; } finally { x = 2; System.out.println("finally ran, x=" + x); }
    }

    public static void main(String[] args) {
        try (Res a = new Res("a", false); Res b = new Res("b", true)) {
            System.out.println("body");
            throw new RuntimeException("body failed");
        } catch (RuntimeException e) {
            System.out.println("caught " + e.getMessage() + " suppressed " + e.getSuppressed().length + ": " + e.getSuppressed()[0].getMessage());
        }
        try (Res c = new Res("c", true)) {
            System.out.println("ok body");
        } catch (IllegalStateException e) {
            System.out.println("caught " + e.getMessage());
        }
        System.out.println(finallyFlow());
        try {
            try {
                Integer.parseInt("x1");
            } catch (NumberFormatException e) {
                throw new AppException("wrapping", e);
            }
        } catch (AppException e) {
            System.out.println(e + " / cause " + e.getCause());
        }
        try {
            Object o = "s";
            Integer i = (Integer) o;
        } catch (ClassCastException e) {
            System.out.println("CCE " + (e.getMessage() != null));
        }
        try {
            int[] a = new int[2];
            a[5] = 1;
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println(e.getMessage());
        }
        try {
            System.out.println(10 / (args.length));
        } catch (ArithmeticException e) {
            System.out.println(e);
        }
    }
}
