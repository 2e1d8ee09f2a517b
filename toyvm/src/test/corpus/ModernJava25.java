import java.util.*;
import java.util.stream.*;
import java.util.function.*;
import java.io.Serializable;

import java.util.concurrent.*;

/**
 * Java 21-25 features a Java 25 user reaches for first: an instance main (JEP 512, with java.lang.IO), qualified
 * enum constants as case labels of a pattern switch (javac writes them as EnumDesc dynamic constants), record
 * patterns with var and unnamed patterns, statements before super() (JEP 513), intersection-typed lambdas
 * (altMetafactory), stream gatherers, sequenced collections, scoped values (JEP 506).
 */
public class ModernJava25 {
    sealed interface Expr permits Num, Add, Mul, Neg {}
    record Num(int v) implements Expr {}
    record Add(Expr l, Expr r) implements Expr {}
    record Mul(Expr l, Expr r) implements Expr {}
    record Neg(Expr e) implements Expr {}
    enum Color { RED, GREEN, BLUE }
    sealed interface Tok permits Color2, Word {}
    enum Color2 implements Tok { CYAN, MAGENTA }
    record Word(String w) implements Tok {}

    static int eval(Expr e) {
        return switch (e) {
            case Num(var v) -> v;
            case Add(Num(var a), Num(var b)) -> a + b;
            case Add(var l, var r) -> eval(l) + eval(r);
            case Mul(var l, var r) -> eval(l) * eval(r);
            case Neg(var x) -> -eval(x);
        };
    }
    static String tok(Tok t) {
        return switch (t) {
            case Color2.CYAN -> "cyan!";
            case Color2 c -> "color " + c;
            case Word(String w) when w.length() > 3 -> "long word " + w;
            case Word(var _) -> "short word";
        };
    }
    static String kind(Object o) {
        return switch (o) {
            case String s when s.isEmpty() -> "empty";
            case String s -> "str:" + s;
            case Color c when c == Color.RED -> "red";
            case Color c -> "color:" + c.name().toLowerCase();
            case Long l -> "long " + l;
            case Character ch -> "char " + ch;
            case int[] a -> "int[" + a.length + "]";
            default -> "other";
        };
    }
    static String color(Color c) {
        switch (c) {
            case RED: return "r";
            case GREEN: return "g";
            default: return "b";
        }
    }
    static class Base {
        final String name;
        Base(String n) { name = n; }
    }
    static class Derived extends Base {
        Derived(String raw) {
            String t = raw.strip();  // flexible constructor body (JEP 513)
            if (t.isEmpty()) throw new IllegalArgumentException("blank");
            super(t.toUpperCase());
        }
    }
    static final ScopedValue<String> USER = ScopedValue.newInstance();

    void main() throws Exception {
        Expr e = new Add(new Mul(new Num(3), new Num(4)), new Neg(new Add(new Num(1), new Num(2))));
        System.out.println(e + " = " + eval(e));
        for (Tok t : List.of(Color2.CYAN, Color2.MAGENTA, new Word("hello"), new Word("hi"))) System.out.println(tok(t));
        for (Object o : new Object[]{"", "abc", Color.RED, Color.BLUE, 5L, 'x', new int[3], 2.5}) System.out.println(kind(o));
        for (Color c : Color.values()) System.out.print(color(c));
        System.out.println();
        System.out.println(new Derived("  bob ").name);
        try { new Derived("   "); } catch (IllegalArgumentException ex) { System.out.println("caught " + ex.getMessage()); }
        // unnamed variables
        int count = 0;
        for (var _ : List.of(1, 2, 3)) count++;
        System.out.println("count " + count);
        // serializable lambda (altMetafactory)
        Supplier<String> s = (Supplier<String> & Serializable) () -> "ser";
        System.out.println(s.get() + " " + (s instanceof Serializable));
        Function<Integer, Integer> f = (Function<Integer, Integer> & Serializable) x -> x * 2;
        System.out.println(f.apply(21));
        Runnable r = (Runnable & Marker) () -> System.out.println("marker run");
        r.run();
        System.out.println(r instanceof Marker);
        // gatherers
        System.out.println(Stream.of(1,2,3,4,5,6,7).gather(java.util.stream.Gatherers.windowFixed(3)).toList());
        System.out.println(Stream.of(1,2,3,4,5).gather(java.util.stream.Gatherers.windowSliding(2)).toList());
        System.out.println(Stream.of(1,2,3,4,5).gather(java.util.stream.Gatherers.scan(() -> 0, Integer::sum)).toList());
        System.out.println(Stream.of(1,2,3,4,5).gather(java.util.stream.Gatherers.fold(() -> "", (a, b) -> a + b)).toList());
        // text block
        String tb = """
            Hello, \
            World!
              indented "quotes"
            tab\there
            """;
        System.out.print(tb);
        System.out.println("%s has %d chars".formatted("tb", tb.length()));
        // sequenced collections
        List<Integer> li = new ArrayList<>(List.of(3, 1, 2));
        System.out.println(li.getFirst() + " " + li.getLast() + " " + li.reversed());
        LinkedHashMap<String,Integer> lhm = new LinkedHashMap<>();
        lhm.put("a", 1); lhm.put("b", 2); lhm.putFirst("z", 0);
        System.out.println(lhm + " " + lhm.firstEntry() + " " + lhm.reversed());
        System.out.println(new TreeSet<>(List.of(5, 3, 9)).reversed());
        // mapMulti, teeing
        System.out.println(Stream.of(1, 2, 3).<Integer>mapMulti((x, sink) -> { sink.accept(x); sink.accept(-x); }).toList());
        String tee = Stream.of(4, 8, 15, 16, 23, 42).collect(Collectors.teeing(Collectors.counting(), Collectors.summingInt(x -> x), (c, sum) -> sum + "/" + c)); System.out.println(tee);
        System.out.println(IntStream.iterate(1, i -> i < 100, i -> i * 3).boxed().toList());
        System.out.println(Stream.of("a","bb","ccc","dd").takeWhile(x -> x.length() < 3).toList() + " " + Stream.of("a","bb","ccc","dd").dropWhile(x -> x.length() < 3).toList());
        // Math additions
        System.out.println(Math.clamp(15L, 0, 10) + " " + Math.ceilDiv(7, 2) + " " + Math.absExact(-5) + " " + Math.unsignedMultiplyHigh(-1L, 3L));
        System.out.println(Character.toString(128512).length() + " " + "abc".indexOf('c', 0, 2) + " " + "a,b,,c".splitWithDelimiters(",", 0).length);
        StringBuilder sb = new StringBuilder();
        sb.repeat("ab", 3).repeat('-', 2);
        IO.println(sb);
        scopedValues();
    }

    static void scopedValues() throws Exception {
        IO.println("bound outside: " + USER.isBound() + ", orElse " + USER.orElse("nobody"));
        ScopedValue.where(USER, "alice").run(() -> {
            IO.println("bound " + USER.get());
            ScopedValue.where(USER, "bob").run(() -> IO.println("nested " + USER.get()));
            IO.println("back to " + USER.get());
        });
        IO.println(ScopedValue.where(USER, "carol").call(() -> USER.get().toUpperCase()));
        try {
            USER.get();
        } catch (java.util.NoSuchElementException e) {
            IO.println("unbound: " + e.getMessage());
        }
        ScopedValue.where(USER, "dave").run(() -> {
            Thread t = new Thread(() -> IO.println("another thread sees it bound: " + USER.isBound()));
            t.start();
            try { t.join(); } catch (InterruptedException e) { throw new RuntimeException(e); }
        });
    }
    interface Marker {}
}
