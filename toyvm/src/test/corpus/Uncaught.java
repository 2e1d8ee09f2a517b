import java.util.*;

/** An uncaught exception with a cause, thrown from nested calls: stderr report and exit status 1. */
public class Uncaught {
    static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad config value: " + s, e);
        }
    }

    static void load(List<String> values) {
        for (String v : values) System.out.println("value " + parse(v));
    }

    public static void main(String[] args) {
        load(List.of("1", "22", "x3"));
    }
}
