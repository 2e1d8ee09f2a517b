/** Handlers, finally, rethrow, causes, VM-raised exceptions, and stack traces. */
public class Exceptions {
    static class MyException extends Exception {
        final int code;

        MyException(String msg, int code, Throwable cause) {
            super(msg, cause);
            this.code = code;
        }
    }

    static int depth;

    static void recurse() {
        depth++;
        recurse();
    }

    static String nested(int n) throws MyException {
        try {
            if (n == 0) {
                throw new IllegalStateException("bottom");
            }
            return nested(n - 1);
        } catch (IllegalStateException e) {
            throw new MyException("wrapped at " + n, n, e);
        } finally {
            System.out.println("finally " + n);
        }
    }

    static int finallyOverrides() {
        try {
            return 1;
        } finally {
            System.out.println("in finally");
        }
    }

    public static void main(String[] args) {
        try {
            nested(2);
        } catch (MyException e) {
            System.out.println(e.getMessage() + " code=" + e.code + " cause=" + e.getCause());
            StackTraceElement top = e.getStackTrace()[0];
            System.out.println(top.getClassName() + "." + top.getMethodName() + ":" + top.getLineNumber());
        }
        System.out.println(finallyOverrides());
        String s = null;
        try {
            s.length();
        } catch (NullPointerException e) {
            System.out.println("NPE caught");
        }
        int[] a = new int[2];
        try {
            a[-1] = 0;
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println(e.getMessage());
        }
        try {
            int[] neg = new int[-5];
            System.out.println(neg.length);
        } catch (NegativeArraySizeException e) {
            System.out.println("NASE " + e.getMessage());
        }
        try {
            Object o = "x";
            Integer i = (Integer) o;
            System.out.println(i);
        } catch (ClassCastException e) {
            System.out.println("CCE caught");
        }
        try {
            recurse();
        } catch (StackOverflowError e) {
            System.out.println("SOE caught, deep enough: " + (depth > 1000));
        }
        try {
            throw new Error("custom error");
        } catch (Throwable t) {
            System.out.println(t);
        }
        try {
            Integer.parseInt("12x");
        } catch (NumberFormatException e) {
            System.out.println(e.getMessage());
        }
        try (AutoCloseable r1 = () -> System.out.println("close 1"); AutoCloseable r2 = () -> {
            throw new IllegalArgumentException("close 2 failed");
        }) {
            System.out.println("body");
            throw new RuntimeException("body failed");
        } catch (Exception e) {
            System.out.println(e.getMessage() + " suppressed=" + e.getSuppressed().length + " " + e.getSuppressed()[0].getMessage());
        }
        RuntimeException chained = new RuntimeException("outer", new IllegalArgumentException("inner"));
        chained.printStackTrace(System.out);
        throw new IllegalStateException("uncaught at the end");
    }
}
