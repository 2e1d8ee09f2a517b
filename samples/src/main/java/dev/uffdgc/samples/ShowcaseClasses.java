package dev.uffdgc.samples;

import static dev.uffdgc.samples.Showcase.say;

import java.util.function.IntBinaryOperator;

/** Enums, records, the four kinds of nested class, and interfaces with default, static and private methods. */
final class ShowcaseClasses {
    private ShowcaseClasses() {}

    enum Op implements IntBinaryOperator {
        ADD("+") {
            @Override
            public int applyAsInt(int a, int b) {
                return a + b;
            }
        },
        SUB("-") {
            @Override
            public int applyAsInt(int a, int b) {
                return a - b;
            }
        },
        MUL("*") {
            @Override
            public int applyAsInt(int a, int b) {
                return a * b;
            }
        };

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    enum Day { MON, TUE, WED, THU, FRI, SAT, SUN }

    record Point(int x, int y) implements Comparable<Point> {
        Point {
            if (x < 0) {
                throw new IllegalArgumentException("negative x " + x);
            }
        }

        static Point origin() {
            return new Point(0, 0);
        }

        int manhattan() {
            return x + Math.abs(y);
        }

        @Override
        public int compareTo(Point o) {
            return x != o.x ? Integer.compare(x, o.x) : Integer.compare(y, o.y);
        }
    }

    record Labelled<T>(String label, T value, double weight) {}

    interface Shape {
        double area();

        String name();

        default String describe() {
            return name() + " of area " + String.format("%.3f", area()) + suffix();
        }

        private String suffix() {
            return area() > 10 ? " (large)" : "";
        }

        static Shape square(double side) {
            return new Shape() {
                @Override
                public double area() {
                    return side * side;
                }

                @Override
                public String name() {
                    return "square";
                }
            };
        }
    }

    interface Left {
        default String hello() {
            return "left";
        }
    }

    interface Right {
        default String hello() {
            return "right";
        }
    }

    static final class Both implements Left, Right {
        @Override
        public String hello() {
            return Left.super.hello() + "+" + Right.super.hello();
        }
    }

    /** An outer instance whose inner classes read and write its state. */
    static final class Counter {
        private int count;

        final class Step {
            private final int by;

            Step(int by) {
                this.by = by;
            }

            int apply() {
                count += by;
                return Counter.this.count;
            }
        }
    }

    static void run() {
        enums();
        records();
        nested();
        interfaces();
    }

    static void enums() {
        for (Op op : Op.values()) {
            say("op " + op + " ordinal " + op.ordinal() + " '" + op.symbol + "' 6" + op.symbol + "3=" + op.applyAsInt(6, 3)
                    + " declaring " + op.getDeclaringClass().getName() + " class " + op.getClass().getName());
        }
        say("valueOf MUL " + (Op.valueOf("MUL") == Op.MUL) + ", compareTo " + Op.ADD.compareTo(Op.MUL));
        try {
            Op.valueOf("DIV");
        } catch (IllegalArgumentException e) {
            say("valueOf DIV threw " + e.getClass().getName());
        }
        StringBuilder sb = new StringBuilder();
        for (Day d : Day.values()) {
            switch (d) {
                case SAT, SUN -> sb.append(d.name().charAt(0)).append('!');
                case WED -> sb.append("mid ");
                default -> sb.append(d.ordinal()).append(' ');
            }
        }
        say("days " + sb);
        int weekend = 0;
        for (Day d : Day.values()) {
            switch (d) {
                case SAT:
                case SUN:
                    weekend++;
                    break;
                default:
                    break;
            }
        }
        say("weekend days " + weekend + ", last " + Day.values()[Day.values().length - 1]);
    }

    static void records() {
        Point a = new Point(3, -4);
        Point b = new Point(3, -4);
        Point c = Point.origin();
        say("record " + a + " equals " + a.equals(b) + " same " + (a == b) + " hash equal " + (a.hashCode() == b.hashCode()));
        say("record " + c + " equals a " + c.equals(a) + ", manhattan " + a.manhattan() + ", compare " + a.compareTo(c));
        Labelled<Point> l = new Labelled<>("p", a, 1.5);
        Labelled<Point> m = new Labelled<>("p", b, 1.5);
        Labelled<Point> n = new Labelled<>("p", b, -0.0);
        say("generic record " + l + " equals " + l.equals(m) + ", with -0.0 " + n + " equals " + n.equals(new Labelled<>("p", b, 0.0)));
        try {
            new Point(-1, 0);
        } catch (IllegalArgumentException e) {
            say("compact constructor: " + e.getMessage());
        }
    }

    static void nested() {
        Counter counter = new Counter();
        Counter.Step two = counter.new Step(2);
        two.apply();
        say("inner " + two.apply() + " " + two.getClass().getName());

        int base = 100;
        class Local {
            int plus(int x) {
                return base + x;
            }
        }
        say("local " + new Local().plus(5) + " " + new Local().getClass().getName());

        Object anon = new Object() {
            @Override
            public String toString() {
                return "anonymous sees base " + base;
            }
        };
        say(anon + " " + anon.getClass().getName());
    }

    static void interfaces() {
        Shape circle = new Shape() {
            @Override
            public double area() {
                return Math.PI * 2 * 2;
            }

            @Override
            public String name() {
                return "circle";
            }
        };
        Shape[] shapes = {Shape.square(3), Shape.square(4), circle};
        for (Shape s : shapes) {
            say(s.describe());
        }
        Object both = new Both();
        say("diamond " + ((Left) both).hello() + ", is Right " + (both instanceof Right) + ", is Shape " + (both instanceof Shape));
    }
}
