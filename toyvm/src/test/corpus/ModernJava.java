import java.util.*;

/** Records, sealed types with pattern switch and record patterns, text blocks, instanceof patterns. */
public class ModernJava {
    sealed interface Shape permits Circle, Rect, Tri { }
    record Circle(double r) implements Shape { }
    record Rect(double w, double h) implements Shape {
        Rect {
            if (w < 0 || h < 0) throw new IllegalArgumentException("negative: " + w + "x" + h);
        }
    }
    record Tri(double b, double h) implements Shape { }
    record Pair<A, B>(A first, B second) { }

    static double area(Shape s) {
        return switch (s) {
            case Circle c -> Math.PI * c.r() * c.r();
            case Rect(double w, double h) when w == h -> w * w;
            case Rect(double w, double h) -> w * h;
            case Tri t -> 0.5 * t.b() * t.h();
        };
    }

    static String describe(Object o) {
        return switch (o) {
            case null -> "null!";
            case Integer i when i > 10 -> "big int " + i;
            case Integer i -> "int " + i;
            case String s -> "string of " + s.length();
            case Pair(String a, Integer b) -> "pair " + a + b;
            case int[] arr -> "ints " + arr.length;
            default -> "other " + o.getClass().getSimpleName();
        };
    }

    public static void main(String[] args) {
        List<Shape> shapes = List.of(new Circle(1), new Rect(2, 3), new Rect(4, 4), new Tri(3, 5));
        for (Shape s : shapes) System.out.printf("%s -> %.4f%n", s, area(s));
        System.out.println(new Rect(1, 2).equals(new Rect(1, 2)) + " " + (new Rect(1, 2).hashCode() == new Rect(1, 2).hashCode()));
        try { new Rect(-1, 2); } catch (IllegalArgumentException e) { System.out.println("rejected: " + e.getMessage()); }
        for (Object o : new Object[] {5, 50, "hey", new Pair<>("p", 1), new int[3], 2.5, null}) System.out.println(describe(o));
        String json = """
                {
                  "name": "toy",
                  "tags": ["a", "b"]
                }""";
        System.out.println(json.lines().count() + " lines; " + json.indent(2).length() + " " + json.stripIndent().equals(json));
        System.out.print("""
                a\tb \
                continued
                  indented "quotes"
                """);
        Object o = "pattern";
        if (o instanceof String s && s.length() > 3) System.out.println(s.toUpperCase());
        System.out.println(new Pair<>(List.of(1), Map.of()));
    }
}
