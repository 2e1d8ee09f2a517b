import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a NullPointerException says (JEP 358's helpful messages), the way programs meet them: a linked list walked
 * one step too far, a lookup that returned null, a map value unboxed, a config field never set, arrays never
 * allocated, a chain of getters. Each case prints getMessage(); the last one is left uncaught.
 */
public class HelpfulNpe {
    static class Node {
        int value;
        Node next;

        Node(int value, Node next) {
            this.value = value;
            this.next = next;
        }
    }

    record User(String name, Address address) { }

    record Address(String street, String city) { }

    static class Company {
        User ceo;
        String[][] floors = new String[3][];
    }

    static String configPath;
    static long[] histogram;
    static final Map<String, User> USERS = new HashMap<>();

    interface Shape {
        double area();
    }

    static User findUser(String name) {
        return USERS.get(name);
    }

    static int lengthOf(String s) {
        return s.length();
    }

    static void attempt(String what, Runnable r) {
        try {
            r.run();
            System.out.println(what + ": no exception");
        } catch (NullPointerException e) {
            System.out.println(what + ": " + e.getMessage());
        }
    }

    public static void main(String[] args) {
        USERS.put("ann", new User("Ann", new Address("Main St", "Springfield")));
        USERS.put("bob", new User("Bob", null));
        Node list = new Node(1, new Node(2, null));

        attempt("field read", () -> System.out.println(list.next.next.value));
        attempt("field write", () -> list.next.next.value = 3);
        attempt("returned null", () -> System.out.println(findUser("carol").name()));
        attempt("chain", () -> System.out.println(findUser("bob").address().city().toUpperCase()));
        attempt("unboxing", () -> {
            Map<String, Integer> counts = new HashMap<>();
            int n = counts.get("missing");
            System.out.println(n);
        });
        attempt("long unboxing", () -> {
            Long boxed = null;
            long sum = 1 + boxed;
            System.out.println(sum);
        });
        attempt("static field", () -> System.out.println(configPath.length()));
        attempt("array store", () -> {
            int[] counts = null;
            for (int i = 0; i < 3; i++) {
                counts[i] = i;
            }
        });
        attempt("long array store", () -> histogram[2] = 7L);
        attempt("char array load", () -> {
            char[] buffer = null;
            System.out.println(buffer[0]);
        });
        attempt("array length", () -> {
            String[] words = null;
            System.out.println(words.length);
        });
        attempt("nested array", () -> {
            Company c = new Company();
            System.out.println(c.floors[1][2].length());
        });
        attempt("array element", () -> {
            Company c = new Company();
            c.floors[0] = new String[2];
            int i = 1;
            System.out.println(c.floors[0][i].trim());
        });
        attempt("deep chain", () -> {
            Company c = new Company();
            c.ceo = findUser("bob");
            System.out.println(c.ceo.address.street());
        });
        attempt("parameter", () -> System.out.println(lengthOf(null)));
        attempt("interface call", () -> {
            Shape s = null;
            System.out.println(s.area());
        });
        attempt("for-each", () -> {
            List<String> names = null;
            for (String n : names) {
                System.out.println(n);
            }
        });
        attempt("synchronized", () -> {
            Object lock = null;
            synchronized (lock) {
                System.out.println("locked");
            }
        });
        attempt("throw null", () -> {
            RuntimeException pending = null;
            throw pending;
        });
        attempt("string switch", () -> {
            String command = args.length > 10 ? "x" : null;
            switch (command) {
                case "start" -> System.out.println("starting");
                default -> System.out.println("unknown");
            }
        });
        attempt("ternary", () -> {
            String a = args.length > 0 ? "a" : null;
            System.out.println((args.length > 5 ? "b" : a).isEmpty());
        });
        attempt("explicit", () -> {
            throw new NullPointerException();
        });
        attempt("explicit with message", () -> {
            throw new NullPointerException("no user given");
        });
        attempt("requireNonNull", () -> Objects.requireNonNull(findUser("dan"), "user dan"));
        attempt("inside the JDK", () -> System.out.println(new ArrayList<String>(null)));

        // The compiled tier raises the same exceptions: a method hot enough to be compiled, failing now and then.
        int total = 0;
        String last = null;
        for (int i = 0; i < 20000; i++) {
            try {
                total += lengthOf(i % 5000 == 4999 ? null : "abc");
            } catch (NullPointerException e) {
                last = e.getMessage();
            }
        }
        System.out.println("hot loop: " + total + ", " + last);

        // The message is computed once, from the first stack trace, even if fillInStackTrace is called again.
        try {
            System.out.println(list.next.next.next);
        } catch (NullPointerException e) {
            e.fillInStackTrace();
            System.out.println("refilled: " + e.getMessage());
            System.out.println("toString: " + e);
        }

        Node tail = list.next.next;
        System.out.println("sum: " + (list.value + tail.value));
    }
}
