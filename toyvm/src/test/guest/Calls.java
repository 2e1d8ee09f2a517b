import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.Supplier;

/** Static, virtual, interface, super and default-method dispatch; inner, anonymous and local classes. */
public class Calls {
    interface Shape {
        double area();

        default String describe() {
            return name() + " with area " + area();
        }

        String name();

        static Shape unit() {
            return new Square(1);
        }
    }

    static abstract class Base implements Shape {
        static int created;

        Base() {
            created++;
        }

        public String name() {
            return getClass().getSimpleName();
        }

        @Override
        public String toString() {
            return "Base:" + name();
        }
    }

    static class Square extends Base {
        final double side;

        Square(double side) {
            this.side = side;
        }

        public double area() {
            return side * side;
        }
    }

    interface Labelled extends Shape {
        default String describe() {
            return "labelled " + name();
        }
    }

    static class Circle extends Base implements Labelled {
        final double r;

        Circle(double r) {
            this.r = r;
        }

        public double area() {
            return 3 * r * r;
        }

        @Override
        public String describe() {
            return "round " + Labelled.super.describe();
        }

        @Override
        public String toString() {
            return "Circle(" + super.toString() + ")";
        }
    }

    class Inner {
        int v = counter * 2;
    }

    int counter = 21;

    static int apply(IntBinaryOperator op, int a, int b) {
        return op.applyAsInt(a, b);
    }

    public static void main(String[] args) {
        Shape[] shapes = {new Square(2), new Circle(1.5), Shape.unit(), new Base() {
            public double area() {
                return 42;
            }
        }};
        for (Shape s : shapes) {
            System.out.println(s.describe() + " / " + s);
        }
        System.out.println("created " + Base.created);
        Calls c = new Calls();
        Calls.Inner in = c.new Inner();
        System.out.println(in.v);
        int base = 100;
        Function<Integer, Integer> addBase = x -> x + base;
        Function<Integer, String> chain = addBase.andThen(x -> "<" + x + ">");
        System.out.println(chain.apply(5));
        System.out.println(apply((a, b) -> a * b, 6, 7) + " " + apply(Math::max, 3, 9) + " " + apply(Integer::sum, 1, 2));
        Supplier<StringBuilder> sup = StringBuilder::new;
        System.out.println(sup.get().append("made").append(1).toString());
        Function<String, Integer> len = String::length;
        Function<String, Integer> parse = Integer::parseInt;
        System.out.println(len.apply("hello") + parse.apply("77"));
        class Local {
            int twice(int v) {
                return 2 * v + base;
            }
        }
        System.out.println(new Local().twice(4));
        Runnable r = () -> System.out.println("run " + base);
        r.run();
        Object o = shapes[0];
        System.out.println((o instanceof Shape) + " " + (o instanceof Circle) + " " + (o instanceof Base b ? b.name() : "-"));
        try {
            Circle bad = (Circle) o;
            System.out.println(bad);
        } catch (ClassCastException e) {
            System.out.println("CCE");
        }
        Object[] arr = new String[2];
        try {
            arr[0] = Integer.valueOf(1);
        } catch (ArrayStoreException e) {
            System.out.println("ASE " + e.getMessage());
        }
        System.out.println((arr instanceof String[]) + " " + (arr instanceof Object[]) + " " + (arr instanceof Cloneable));
    }
}
