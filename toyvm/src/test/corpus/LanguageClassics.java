import java.util.*;

/** The classic language features in one program: string switch, enums with bodies, nested/inner/anonymous/local
 * classes, default and static interface methods, generics with bridges, varargs, labelled breaks, var. */
public class LanguageClassics {
    enum Op {
        ADD("+") { int apply(int a, int b) { return a + b; } },
        SUB("-") { int apply(int a, int b) { return a - b; } },
        MUL("*") { int apply(int a, int b) { return a * b; } };
        final String symbol;
        Op(String s) { symbol = s; }
        abstract int apply(int a, int b);
    }

    interface Greeter {
        String name();
        default String greet() { return "Hello, " + name() + suffix(); }
        static String suffix() { return "!"; }
    }

    static class Box<T extends Comparable<T>> implements Comparable<Box<T>> {
        final T value;
        Box(T v) { value = v; }
        @Override public int compareTo(Box<T> o) { return value.compareTo(o.value); }
        @Override public String toString() { return "Box(" + value + ")"; }
    }

    class Inner {
        int twice() { return 2 * counter; }
    }

    int counter = 21;

    static int sum(int... xs) {
        int s = 0;
        for (int x : xs) s += x;
        return s;
    }

    static String kind(String s) {
        switch (s) {
            case "apple": case "pear": return "fruit";
            case "carrot": return "vegetable";
            default: return "unknown";
        }
    }

    public static void main(String[] args) {
        for (Op op : Op.values()) System.out.print(op + op.symbol + op.apply(6, 3) + " ");
        System.out.println(Op.valueOf("MUL").ordinal() + " " + new EnumMap<>(Map.of(Op.SUB, 1, Op.ADD, 2)));
        Greeter g = () -> "lambda";
        Greeter anon = new Greeter() { public String name() { return "anonymous"; } };
        System.out.println(g.greet() + " " + anon.greet());
        List<Box<String>> boxes = new ArrayList<>(List.of(new Box<>("pear"), new Box<>("apple"), new Box<>("fig")));
        Collections.sort(boxes);
        Comparable<Box<String>> c = boxes.get(0);
        System.out.println(boxes + " " + c.compareTo(boxes.get(1)));
        LanguageClassics outer = new LanguageClassics();
        LanguageClassics.Inner in = outer.new Inner();
        System.out.println(in.twice() + " " + sum() + " " + sum(1, 2, 3) + " " + sum(new int[] {4, 5}));
        class Local { String hi() { return "local " + kind("pear") + " " + kind("carrot") + " " + kind("rock"); } }
        System.out.println(new Local().hi());
        outer:
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                if (j == 3) continue outer;
                if (i == 3) break outer;
                System.out.print(i * 10 + j + " ");
            }
        }
        System.out.println();
        var list = new ArrayList<Map<String, Integer>>();
        list.add(Map.of("k", 1));
        for (var m : list) System.out.println(m.get("k") + " " + m.getClass().getSimpleName().isEmpty());
        int day = 3;
        String name = switch (day) { case 1, 7 -> "weekend"; case 2, 3, 4, 5, 6 -> { String t = "week"; yield t + "day"; } default -> "?"; };
        System.out.println(name);
    }
}
