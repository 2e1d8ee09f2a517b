import java.util.List;

/** Enums, records, switches (string, enum, patterns), static init order, interfaces with statics, varargs. */
public class Language {
    enum Color {
        RED, GREEN, BLUE;

        Color next() {
            return values()[(ordinal() + 1) % values().length];
        }
    }

    enum Op {
        ADD("+") {
            int apply(int a, int b) {
                return a + b;
            }
        },
        MUL("*") {
            int apply(int a, int b) {
                return a * b;
            }
        };

        final String sym;

        Op(String sym) {
            this.sym = sym;
        }

        abstract int apply(int a, int b);
    }

    record Point(int x, int y) {
        Point {
            if (x < 0) {
                throw new IllegalArgumentException("negative x");
            }
        }

        int dist() {
            return Math.abs(x) + Math.abs(y);
        }
    }

    record Named(String name, double weight, Point at, long id) {
    }

    sealed interface Expr permits Num, Add {
    }

    record Num(int v) implements Expr {
    }

    record Add(Expr l, Expr r) implements Expr {
    }

    static int eval(Expr e) {
        if (e instanceof Num n) {
            return n.v();
        } else if (e instanceof Add(Expr l, Expr r)) {
            return eval(l) + eval(r);
        }
        return 0;
    }

    static class Init {
        static final String CONST = "const";
        static int counter = 10;

        static {
            System.out.println("Init static block, counter=" + counter);
            counter++;
        }
    }

    static class Child extends Init {
        static {
            System.out.println("Child static block");
        }

        static int value = counter * 2;
    }

    static int sum(int... xs) {
        int s = 0;
        for (int x : xs) {
            s += x;
        }
        return s;
    }

    static String kind(String s) {
        switch (s) {
            case "apple":
            case "pear":
                return "fruit";
            case "carrot":
                return "vegetable";
            default:
                return "unknown";
        }
    }

    static String colorName(Color c) {
        switch (c) {
            case RED:
                return "r";
            case GREEN:
                return "g";
            default:
                return "other";
        }
    }

    public static void main(String[] args) {
        for (Color c : Color.values()) {
            System.out.println(c + " " + c.ordinal() + " " + c.next() + " " + c.name().length() + " " + colorName(c));
        }
        System.out.println(Color.valueOf("GREEN") + " " + Color.BLUE.compareTo(Color.RED) + " " + Color.RED.getDeclaringClass().getSimpleName());
        try {
            Color.valueOf("PINK");
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
        for (Op op : Op.values()) {
            System.out.println(op + op.sym + op.apply(6, 7));
        }
        Point p = new Point(3, -4);
        Point q = new Point(3, -4);
        System.out.println(p + " " + p.equals(q) + " " + (p.hashCode() == q.hashCode()) + " " + p.dist() + " " + p.x());
        Named n = new Named("n", 2.5, p, 99L);
        System.out.println(n + " " + n.hashCode() + " " + n.equals(new Named("n", 2.5, new Point(3, -4), 99L)));
        try {
            new Point(-1, 0);
        } catch (IllegalArgumentException e) {
            System.out.println("record check: " + e.getMessage());
        }
        System.out.println(eval(new Add(new Num(2), new Add(new Num(3), new Num(4)))));
        System.out.println(Child.value + " " + Init.CONST + " " + Init.counter);
        System.out.println(sum() + " " + sum(1) + " " + sum(1, 2, 3));
        for (String s : new String[] {"apple", "carrot", "rock", "pear"}) {
            System.out.print(kind(s) + " ");
        }
        System.out.println();
        int day = 3;
        String name = switch (day) {
            case 1, 7 -> "weekend";
            case 2, 3, 4, 5, 6 -> {
                String w = "week";
                yield w + "day";
            }
            default -> "?";
        };
        System.out.println(name);
        int[][] grid = new int[3][4];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                grid[i][j] = i * j;
            }
        }
        long[][][] cube = new long[2][2][];
        cube[1][1] = new long[] {7L};
        System.out.println(java.util.Arrays.deepToString(grid) + " " + cube[1][1][0] + " " + (cube[0][0] == null) + " " + grid.getClass().getName());
        List<String> list = List.of("x", "y");
        System.out.println(list.size() + " " + list.get(1));
        char[] hex = "0123456789abcdef".toCharArray();
        StringBuilder sb = new StringBuilder();
        for (int v = 0xCAFE; v > 0; v >>>= 4) {
            sb.insert(0, hex[v & 15]);
        }
        System.out.println(sb);
        Object[] things = {1, "two", 3.0, 'c', null, new int[] {1}};
        for (Object o : things) {
            String d = switch (o) {
                case null -> "null!";
                case Integer i when i > 0 -> "positive int " + i;
                case Integer i -> "int " + i;
                case String s -> "string " + s.length();
                case Double dv -> "double " + dv;
                default -> "other " + o.getClass().getSimpleName();
            };
            System.out.println(d);
        }
        boolean flag = false;
        assert flag : "assertions are off";
        System.exit(eval(new Num(7)));
    }
}
