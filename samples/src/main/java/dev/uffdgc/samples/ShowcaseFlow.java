package dev.uffdgc.samples;

import static dev.uffdgc.samples.Showcase.say;

/** Exceptions (finally, rethrow, causes, suppressed, VM-raised ones), string switch and strings. */
final class ShowcaseFlow {
    private ShowcaseFlow() {}

    static final class CheckedProblem extends Exception {
        CheckedProblem(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A resource that records its close and can fail while closing. */
    record Resource(String name, StringBuilder trail, boolean failOnClose) implements AutoCloseable {
        @Override
        public void close() {
            trail.append("close ").append(name).append(';');
            if (failOnClose) {
                throw new IllegalStateException("close " + name);
            }
        }
    }

    static void run() {
        finallyOrder();
        causes();
        resources();
        vmExceptions();
        stringSwitch();
        strings();
    }

    static int withFinally(int x, StringBuilder trail) {
        try {
            trail.append("try ").append(x).append(';');
            if (x == 0) {
                throw new IllegalArgumentException("zero");
            }
            return 100 / x;
        } catch (IllegalArgumentException e) {
            trail.append("catch;");
            return -1;
        } finally {
            trail.append("finally;");
        }
    }

    static void finallyOrder() {
        StringBuilder trail = new StringBuilder();
        int a = withFinally(4, trail);
        int b = withFinally(0, trail);
        say("finally " + a + " " + b + " " + trail);
        trail.setLength(0);
        for (int i = 0; i < 4; i++) {
            try {
                if (i == 1) {
                    continue;
                }
                if (i == 3) {
                    break;
                }
                trail.append("body ").append(i).append(';');
            } finally {
                trail.append("fin ").append(i).append(';');
            }
        }
        say("loop " + trail);
    }

    static void level3(int x) throws CheckedProblem {
        try {
            int[] small = new int[2];
            small[x] = 1;
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new CheckedProblem("level3 failed for " + x, e);
        }
    }

    static void level2(int x) throws CheckedProblem {
        try {
            level3(x);
        } catch (CheckedProblem e) {
            say("level2 saw " + e.getMessage() + ", rethrowing");
            throw e;
        }
    }

    static void causes() {
        try {
            try {
                level2(5);
            } catch (CheckedProblem e) {
                throw new RuntimeException("wrapped", e);
            }
        } catch (RuntimeException e) {
            StringBuilder chain = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                chain.append(t == e ? "" : " <- ").append(t.getClass().getName()).append(": ").append(t.getMessage());
            }
            say("chain " + chain);
        }
        try {
            throw new Error("custom error");
        } catch (IllegalStateException | Error e) {
            say("multi-catch " + e.getClass().getName() + " " + e.getMessage() + " " + (e instanceof Error));
        }
    }

    static void resources() {
        StringBuilder trail = new StringBuilder();
        try (Resource a = new Resource("a", trail, false); Resource b = new Resource("b", trail, true)) {
            trail.append("body ").append(a.name()).append(b.name()).append(";");
            throw new IllegalArgumentException("body failed");
        } catch (IllegalArgumentException e) {
            say("resources " + trail + " primary " + e.getMessage() + " suppressed " + e.getSuppressed().length
                    + " " + e.getSuppressed()[0].getMessage());
        }
    }

    static String probe(Runnable r) {
        try {
            r.run();
            return "no exception";
        } catch (RuntimeException e) {
            return e.getClass().getName();
        }
    }

    static void vmExceptions() {
        Object[] objects = new String[1];
        Object notAString = 7;
        String nothing = null;
        int[] array = new int[3];
        int zero = array.length - 3;
        say("npe " + probe(() -> nothing.length()));
        say("store " + probe(() -> objects[0] = notAString));
        say("cast " + probe(() -> say("cast to " + (String) notAString)));
        say("negative " + probe(() -> array[0] = new int[zero - 1].length));
        say("array ok " + probe(() -> objects[0] = "fine"));
        try {
            array[array.length] = 1;
        } catch (ArrayIndexOutOfBoundsException e) {
            say("index: " + e.getMessage());
        }
        try {
            say("div " + (10 / zero));
        } catch (ArithmeticException e) {
            say("div: " + e.getMessage());
        }
        try {
            say("rem " + (10L % zero));
        } catch (ArithmeticException e) {
            say("rem: " + e.getMessage());
        }
        try {
            Integer missing = null;
            int unboxed = missing;
            say("unboxed " + unboxed);
        } catch (NullPointerException e) {
            say("unboxing null threw " + e.getClass().getName());
        }
    }

    static String classify(String s) {
        switch (s) {
            case "Aa":
                return "Aa (same hash as BB)";
            case "BB":
                return "BB (same hash as Aa)";
            case "alpha":
            case "beta":
                return "greek";
            case "":
                return "empty";
            default:
                return "other " + s.length();
        }
    }

    static void stringSwitch() {
        String[] inputs = {"Aa", "BB", "alpha", "beta", "", "gamma", "AaBB"};
        StringBuilder sb = new StringBuilder();
        for (String in : inputs) {
            int score = switch (in) {
                case "Aa", "BB" -> 1;
                case "gamma" -> {
                    int len = in.length();
                    yield len * 10;
                }
                default -> 0;
            };
            sb.append(classify(in)).append('=').append(score).append("; ");
        }
        say("switch " + sb + " hashes " + "Aa".hashCode() + " " + "BB".hashCode());
    }

    static String literal() {
        return "showcase";
    }

    static void strings() {
        String s = "the quick brown fox";
        say("substring '" + s.substring(4, 9) + "' indexOf " + s.indexOf('q') + " " + s.indexOf("fox") + " "
                + s.indexOf("cat") + " charAt " + s.charAt(s.length() - 1) + " compareTo " + "apple".compareTo("apricot"));
        String[] parts = "a,b,,c,,".split(",");
        say("split " + parts.length + " [" + parts[2] + "] " + "x--y--z".split("--").length + " hash " + s.hashCode());
        String built = new StringBuilder("show").append("case").toString();
        String nul = null;
        say("literal identity " + (literal() == "showcase") + ", built identity " + (built == literal())
                + ", equals " + built.equals(literal()) + ", concat " + nul + 'c' + 1 + 2L + 3.5f + true);
        say("valueOf " + String.valueOf(42) + String.valueOf('c') + String.valueOf(true) + String.valueOf(2.25)
                + " format " + String.format("%d|%s|%x|%.2f|%.0f", -5, "s", 255, 3.14159, 2.5));
    }
}
