import java.util.*;

/** Abstract classes, overriding and overloading, super calls, static vs dynamic dispatch, equals/hashCode/compareTo. */
public class Polymorphism {
    abstract static class Shape implements Comparable<Shape> {
        private static int created;
        final String name;
        Shape(String name) { this.name = name; created++; }
        abstract double area();
        double perimeter() { return 0; }
        public String toString() { return String.format("%s[area=%.2f, perimeter=%.2f]", name, area(), perimeter()); }
        public int compareTo(Shape o) { return Double.compare(area(), o.area()); }
    }
    static class Circle extends Shape {
        final double r;
        Circle(double r) { super("Circle"); this.r = r; }
        double area() { return Math.PI * r * r; }
        @Override double perimeter() { return 2 * Math.PI * r; }
    }
    static class Rect extends Shape {
        final double w, h;
        Rect(double w, double h) { this("Rect", w, h); }
        protected Rect(String n, double w, double h) { super(n); this.w = w; this.h = h; }
        double area() { return w * h; }
        @Override double perimeter() { return 2 * (w + h); }
        @Override public boolean equals(Object o) { return o instanceof Rect r && r.w == w && r.h == h; }
        @Override public int hashCode() { return Objects.hash(w, h); }
    }
    static class Square extends Rect {
        Square(double s) { super("Square", s, s); }
        @Override public String toString() { return "Square(" + w + ") is " + super.toString(); }
    }

    static String describe(Object o) { return "object"; }
    static String describe(Shape s) { return "shape"; }
    static String describe(Rect r) { return "rect"; }
    static String describe(long l) { return "long"; }
    static String describe(Integer i) { return "Integer"; }
    static String describe(int... xs) { return "varargs" + xs.length; }

    public static void main(String[] args) {
        List<Shape> shapes = new ArrayList<>(List.of(new Circle(1.5), new Rect(2, 3), new Square(2), new Circle(0.5), new Rect(1, 7)));
        Collections.sort(shapes);
        shapes.forEach(System.out::println);
        System.out.println("largest " + Collections.max(shapes).name + ", created " + Shape.created);
        Shape s = new Square(3);
        Rect r = new Square(3);
        System.out.println(describe(s) + " " + describe(r) + " " + describe((Object) r) + " " + describe(5) + " "
                + describe(Integer.valueOf(5)) + " " + describe() + " " + describe(1, 2));
        Set<Rect> set = new HashSet<>(List.of(new Rect(1, 2), new Rect(2, 1)));
        System.out.println(set.contains(new Rect(1, 2)) + " " + set.contains(new Square(1)) + " " + new Rect(1, 2).equals(new Square(1)));
        Object o = shapes.get(0);
        System.out.println(o instanceof Comparable<?> ? "comparable" : "not");
        System.out.println(o.getClass().getSimpleName() + " " + o.getClass().getSuperclass().getSimpleName());
    }
}
