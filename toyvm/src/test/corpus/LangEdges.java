import java.util.*;
import java.util.function.*;
import java.util.stream.*;

/**
 * Language and core-library corners in one program: enums with bodies, inner and local classes, records and
 * enums declared in a method, varargs, bridges, finally and try-with-resources orders, arithmetic and conversion
 * edges, string switch on colliding hashes, array covariance, iterators, collectors, comparators, method
 * references of every kind. Found: String.codePointAt returned a lone high surrogate instead of the code point;
 * a lambda's class was named Owner$$Lambda.N (simple name "N", not hidden) where HotSpot's is Owner$$Lambda/0x...
 */
public class LangEdges {
    interface Shape { double area(); default String describe() { return getClass().getSimpleName() + " " + String.format("%.2f", area()); } static Shape unit() { return () -> 1.0; } }
    enum Op implements IntBinaryOperator {
        ADD("+") { public int applyAsInt(int a, int b) { return a + b; } },
        SUB("-") { public int applyAsInt(int a, int b) { return a - b; } },
        MUL("*") { public int applyAsInt(int a, int b) { return a * b; } @Override public String toString() { return "times"; } };
        final String sym;
        Op(String s) { sym = s; }
    }
    class Inner { int v = outerField * 2; int outer() { return LangEdges.this.outerField; } }
    int outerField = 21;
    static int counter;
    static { counter = 100; }
    { outerField += 0; }
    static <T extends Comparable<? super T>> T max(Collection<? extends T> c) { T best = null; for (T t : c) if (best == null || t.compareTo(best) > 0) best = t; return best; }
    static int sum(int... xs) { int s = 0; for (int x : xs) s += x; return s; }
    static String kinds(Object... xs) { return xs == null ? "null array" : xs.length + ":" + Arrays.toString(xs); }
    static abstract class Animal implements Comparable<Animal> { abstract String sound(); public int compareTo(Animal o) { return sound().compareTo(o.sound()); } Animal self() { return this; } }
    static class Dog extends Animal { String sound() { return "woof"; } @Override Dog self() { return this; } }
    static class Cat extends Animal { String sound() { return "meow"; } }
    static int fin() { int x = 1; try { return x; } finally { x = 2; System.out.println("finally ran"); } }
    @SuppressWarnings("finally") static int finOverride() { try { throw new RuntimeException(); } finally { return 7; } }
    static class Res implements AutoCloseable { final String n; Res(String n) { this.n = n; System.out.println("open " + n); } public void close() throws Exception { System.out.println("close " + n); throw new Exception("close-" + n); } }
    static class MyEx extends Exception { MyEx(String m, Throwable c) { super(m, c); } }
    public static void main(String[] args) throws Exception {
        for (Op op : Op.values()) System.out.print(op + "(" + op.sym + ")=" + op.applyAsInt(6, 3) + " " + op.getClass().equals(Op.class) + " " + op.getDeclaringClass().getSimpleName() + "; ");
        System.out.println();
        EnumMap<Op, Integer> em = new EnumMap<>(Op.class); em.put(Op.MUL, 1); em.put(Op.ADD, 2); System.out.println(em + " " + EnumSet.complementOf(EnumSet.of(Op.SUB)) + " " + Op.valueOf("ADD").ordinal());
        try { Op.valueOf("DIV"); } catch (IllegalArgumentException e) { System.out.println(e.getMessage()); }
        LangEdges o = new LangEdges(); LangEdges.Inner in = o.new Inner(); System.out.println(in.v + " " + in.outer() + " " + counter);
        System.out.println(Shape.unit().area() + " " + new Shape() { public double area() { return 2.5; } }.describe().startsWith(" ") );
        record Point(int x, int y) { Point { if (x < 0) throw new IllegalArgumentException(); } static Point origin() { return new Point(0, 0); } double dist() { return Math.hypot(x, y); } }
        enum Dir { N, E, S, W }
        interface Greeter { String hi(); }
        System.out.println(new Point(3, 4).dist() + " " + Point.origin() + " " + Dir.valueOf("S").compareTo(Dir.N) + " " + ((Greeter) () -> "hi").hi());
        System.out.println(max(List.of(3, 9, 2)) + " " + max(List.of("pear", "apple")) + " " + sum() + " " + sum(1, 2, 3) + " " + kinds() + " " + kinds((Object[]) null) + " " + kinds(null, 1) + " " + kinds((Object) new int[0]).startsWith("1:"));
        List<Animal> zoo = new ArrayList<>(List.of(new Dog(), new Cat(), new Dog())); Collections.sort(zoo); System.out.println(zoo.stream().map(Animal::sound).toList() + " " + new Dog().self().sound());
        System.out.println(fin() + " " + finOverride());
        try (Res a = new Res("a"); Res b = new Res("b")) { throw new IllegalStateException("body"); } catch (Exception e) { System.out.println(e.getMessage() + " suppressed " + Arrays.stream(e.getSuppressed()).map(Throwable::getMessage).toList()); }
        try { try { Integer.parseInt("x1"); } catch (NumberFormatException e) { throw new MyEx("wrapped", e); } } catch (MyEx e) { System.out.println(e + " / cause: " + e.getCause()); }
        // arithmetic edges
        System.out.println((Integer.MIN_VALUE / -1) + " " + (Long.MIN_VALUE % -1) + " " + Math.floorMod(-7, 3) + " " + (-7 % 3) + " " + (-7 / 2) + " " + (int) Double.NaN + " " + (int) 1e20 + " " + (long) -1e30 + " " + (char) 65.7 + " " + (byte) 200 + " " + (short) 70000 + " " + Math.round(-2.5) + " " + Math.round(2.5) + " " + Math.rint(2.5));
        System.out.println((1 << 33) + " " + (1L << 65) + " " + (-8 >> 1) + " " + (-8 >>> 28) + " " + (-8L >>> 60) + " " + (0.1 + 0.2) + " " + (float) 0.1 + " " + 1.0 / 0 + " " + -1.0 / 0 + " " + 0.0 / 0 + " " + Double.compare(0.0, -0.0) + " " + (0.0 == -0.0) + " " + Float.MIN_VALUE + " " + 100.0f / 3);
        try { int z = 0; System.out.println(5 / z); } catch (ArithmeticException e) { System.out.println(e.getMessage()); }
        System.out.println(5.0 % 0 + " " + (5L * Integer.MAX_VALUE) + " " + Integer.MAX_VALUE * 2 + " " + Long.toHexString(Double.doubleToLongBits(-0.0)) + " " + Integer.toString(255, 36) + " " + Long.parseLong("-zz", 36));
        Integer i1 = 127, i2 = 127, i3 = 1000, i4 = 1000; System.out.println((i1 == i2) + " " + i3.equals(i4) + " " + ("Aa".hashCode() == "BB".hashCode()));
        for (String s : new String[]{"Aa", "BB", "C"}) System.out.print(switch (s) { case "Aa" -> 1; case "BB" -> 2; default -> 3; });
        System.out.println();
        Object[] objs = new String[2]; try { objs[0] = 1; } catch (ArrayStoreException e) { System.out.println("ASE " + e.getMessage()); }
        try { Object x = "s"; Integer bad = (Integer) x; } catch (ClassCastException e) { System.out.println("CCE"); }
        try { int[] neg = new int[-1]; } catch (NegativeArraySizeException e) { System.out.println("NASE " + e.getMessage()); }
        try { int[][] g2 = new int[2][3]; g2[1][3] = 1; } catch (ArrayIndexOutOfBoundsException e) { System.out.println(e.getMessage()); }
        try { "abc".substring(2, 1); } catch (StringIndexOutOfBoundsException e) { System.out.println(e.getMessage()); }
        try { List.of(1).add(2); } catch (UnsupportedOperationException e) { System.out.println("UOE " + e.getMessage()); }
        try { List<Integer> l = new ArrayList<>(List.of(1, 2, 3)); for (Integer x : l) if (x == 2) l.remove(x); } catch (ConcurrentModificationException e) { System.out.println("CME"); }
        try { Objects.checkIndex(5, 3); } catch (IndexOutOfBoundsException e) { System.out.println(e.getMessage()); }
        try { new ArrayList<>(List.of(1)).get(4); } catch (IndexOutOfBoundsException e) { System.out.println(e.getMessage()); }
        try { Map.of("a", 1, "a", 2); } catch (IllegalArgumentException e) { System.out.println(e.getMessage()); }
        try { recurse(0); } catch (StackOverflowError e) { System.out.println("SOE caught"); }
        int[][] grid = new int[3][]; grid[1] = new int[]{1, 2}; int[][] copy = grid.clone(); copy[1][0] = 9; System.out.println(Arrays.deepToString(grid) + " " + (copy[1] == grid[1]));
        long[][][] cube = new long[2][3][4]; cube[1][2][3] = 5; System.out.println(cube[1][2].length + " " + Arrays.stream(cube).flatMap(Arrays::stream).flatMapToLong(Arrays::stream).sum() + " " + cube.getClass().getName() + " " + int[].class.getName() + " " + String[][].class.getSimpleName());
        StringBuilder sb = new StringBuilder("hello"); sb.insert(0, '[').append(']').reverse().setCharAt(0, '<'); sb.deleteCharAt(sb.length() - 1).replace(1, 3, "XY"); System.out.println(sb + " " + sb.indexOf("l") + " " + sb.charAt(2) + " " + new StringBuilder("ab").compareTo(new StringBuilder("ac")));
        String s = "  \u2003 Hello World \t"; System.out.println("[" + s.trim() + "][" + s.strip() + "][" + s.stripLeading() + "] " + s.isBlank() + " " + "a\\tb".translateEscapes() + " " + "  x\n   y".stripIndent().replace("\n", "|") + " " + "ab".compareToIgnoreCase("AC") + " " + "Hello".regionMatches(true, 1, "XELL", 1, 3) + " " + String.join("-", List.of("a", "b")) + " " + "😀x".codePointCount(0, 3) + " " + "😀x".length() + " " + new String(Character.toChars(0x1F600)).codePointAt(0));
        System.out.println("abc".chars().sum() + " " + "a-b-c".lastIndexOf('-') + " " + "x".repeat(0).isEmpty() + " " + "Hello".contentEquals(new StringBuilder("Hello")) + " " + String.valueOf(new char[]{'o', 'k'}) + " " + "a,b,,".split(",").length + " " + "a,b,,".split(",", -1).length + " " + "%d%%".formatted(5) + " " + "abc".describeConstable().isPresent() + " " + "ß".toUpperCase() + " " + "İ".toLowerCase().length());
        Iterator<Integer> it = new ArrayList<>(List.of(1, 2, 3, 4)).iterator(); int removed = 0; List<Integer> li = new ArrayList<>(List.of(5, 6, 7, 8));
        for (Iterator<Integer> j = li.iterator(); j.hasNext(); ) if (j.next() % 2 == 0) { j.remove(); removed++; }
        ListIterator<Integer> lit = li.listIterator(); while (lit.hasNext()) { int v = lit.next(); lit.set(v * 10); lit.add(-1); }
        System.out.println(removed + " " + li + " " + Collections.frequency(li, -1) + " " + Collections.nCopies(3, "z") + " " + Collections.max(li) + " " + Collections.binarySearch(List.of(1, 3, 5, 7), 5));
        List<Integer> rot = new ArrayList<>(List.of(1, 2, 3, 4, 5)); Collections.rotate(rot, 2); Collections.swap(rot, 0, 4); System.out.println(rot + " " + Collections.unmodifiableList(rot).getClass().getSimpleName().isEmpty() + " " + Collections.emptyMap() + " " + Collections.singletonList(9));
        Optional<String> opt = Optional.of("v"); System.out.println(opt.map(String::toUpperCase).filter(x -> x.startsWith("V")).orElse("none") + " " + Optional.empty().isPresent() + " " + Optional.ofNullable(null).or(() -> Optional.of("alt")).get() + " " + OptionalInt.of(3).getAsInt() + " " + Optional.of(1).stream().count() + " " + Optional.empty());
        System.out.println(IntStream.rangeClosed(1, 10).summaryStatistics() + " " + DoubleStream.of(1, 2, 4).average().getAsDouble() + " " + Stream.of("a", "bb", "cc", "ddd").collect(Collectors.groupingBy(String::length, TreeMap::new, Collectors.counting())) + " " + Stream.of(1, 2, 3, 4, 5).collect(Collectors.partitioningBy(x -> x > 2, Collectors.summingInt(x -> x))));
        System.out.println(Stream.of("x", "yy", "zzz").collect(Collectors.toMap(String::length, Function.identity(), (a, b) -> a, LinkedHashMap::new)) + " " + Stream.of(List.of(1, 2), List.of(3)).flatMap(List::stream).map(String::valueOf).collect(Collectors.joining("+", "[", "]")) + " " + Stream.of(5, 3, 8).sorted(Comparator.reverseOrder()).toList() + " " + Stream.iterate(1, x -> x * 2).limit(10).reduce(0, Integer::sum) + " " + Stream.of("b", "a", "c").collect(Collectors.collectingAndThen(Collectors.toCollection(TreeSet::new), TreeSet::first)));
        System.out.println(Stream.of("apple", "bob", "cat", "avocado", "banana").collect(Collectors.groupingBy(w -> w.charAt(0), TreeMap::new, Collectors.mapping(String::length, Collectors.toList()))) + " " + Stream.of(1, 2, 3, 4).collect(Collectors.filtering(x -> x % 2 == 0, Collectors.toList())) + " " + Stream.of(1, 2, 3).collect(Collectors.reducing(0, x -> x * x, Integer::sum)) + " " + Stream.of(1.5, 2.5).collect(Collectors.averagingDouble(x -> x)) + " " + IntStream.of(3, 1, 2).boxed().sorted().map(Object::toString).collect(Collectors.joining()) + " " + Arrays.stream(new int[]{1, 2, 3}).map(x -> x * x).boxed().collect(Collectors.toUnmodifiableList()));
        Runnable lam = () -> { };
        System.out.println("a lambda's class: hidden " + lam.getClass().isHidden() + ", synthetic " + lam.getClass().isSynthetic() + ", named " + lam.getClass().getName().startsWith("LangEdges$$Lambda/") + ", simple name " + lam.getClass().getSimpleName().startsWith("LangEdges$$Lambda/"));
        Supplier<List<String>> sup = ArrayList::new; Function<Integer, int[]> arr = int[]::new; BiFunction<String, Integer, Character> charAt = String::charAt; UnaryOperator<String> up = String::toUpperCase; IntFunction<String[]> sarr = String[]::new;
        System.out.println(sup.get().size() + " " + arr.apply(4).length + " " + charAt.apply("hey", 1) + " " + up.andThen(x -> x + "!").apply("a") + " " + sarr.apply(2).length + " " + Function.<Integer>identity().compose((Integer x) -> x + 1).apply(1) + " " + BinaryOperator.minBy(Comparator.<Integer>naturalOrder()).apply(3, 2) + " " + Predicate.not(String::isEmpty).test("") + " " + Predicate.<Integer>isEqual(3).or(x -> x > 10).test(11));
        Comparator<String> cmp = Comparator.comparing(String::length).thenComparing(Comparator.reverseOrder()); List<String> ws = new ArrayList<>(List.of("bb", "a", "ccc", "aa", "c")); ws.sort(cmp); System.out.println(ws + " " + ws.stream().max(Comparator.nullsFirst(Comparator.<String>naturalOrder())).get());
        TreeMap<Integer, String> tm = new TreeMap<>(Map.of(1, "a", 5, "e", 9, "i")); System.out.println(tm.floorKey(6) + " " + tm.ceilingEntry(6) + " " + tm.headMap(5, true) + " " + tm.descendingMap() + " " + tm.pollFirstEntry() + " " + tm.navigableKeySet().higher(5));
        ArrayDeque<Integer> dq = new ArrayDeque<>(); dq.push(1); dq.offerLast(2); dq.addFirst(0); System.out.println(dq + " " + dq.peekLast() + " " + dq.pop() + " " + dq);
        IdentityHashMap<String, Integer> ih = new IdentityHashMap<>(); String k1 = new String("k"); ih.put(k1, 1); ih.put(new String("k"), 2); System.out.println(ih.size() + " " + "k".equals(k1) + " " + (k1.intern() == "k"));
        BitSet bs = new BitSet(); bs.set(1); bs.set(5, 8); System.out.println(bs + " " + bs.cardinality() + " " + bs.nextClearBit(5) + " " + Arrays.toString(bs.toLongArray()));
        LinkedList<String> ll = new LinkedList<>(List.of("x", "y")); ll.addFirst("w"); ll.removeLastOccurrence("y"); System.out.println(ll + " " + ll.peekFirst() + " " + new PriorityQueue<>(List.of(5, 1, 3)).peek() + " " + new TreeSet<>(String.CASE_INSENSITIVE_ORDER) {{ add("B"); add("a"); add("b"); }});
        int total = 0; outer: for (int a = 0; a < 10; a++) { for (int b = 0; b < 10; b++) { if (b > a) continue outer; if (a + b > 12) break outer; total += a * b; } } System.out.println("labeled " + total);
        char c = 'a'; c += 2; c++; System.out.println(c + " " + (c + 1) + " " + (char) (c + 1) + " " + Character.getType('A') + " " + ('a' < 'b'));
        System.out.println(Objects.hash(1, "a", null) + " " + Arrays.hashCode(new int[]{1, 2}) + " " + List.of(1, 2).hashCode() + " " + Map.of("k", "v").hashCode() + " " + "abc".hashCode() + " " + Double.hashCode(1.5) + " " + Boolean.hashCode(true) + " " + Long.hashCode(1L << 40) + " " + Objects.requireNonNullElse(null, "dflt") + " " + Objects.toString(null, "nil"));
    }
    static int recurse(int n) { return recurse(n + 1) + 1; }
}
