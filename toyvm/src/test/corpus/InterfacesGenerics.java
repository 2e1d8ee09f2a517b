import java.util.*;
import java.util.function.*;

/** Generic methods and bounded wildcards, an abstract class hierarchy, interface inheritance, iterators. */
public class InterfacesGenerics {
    interface Visitor<R> { R num(int v); R add(Expr a, Expr b); R mul(Expr a, Expr b); }
    interface Expr { <R> R accept(Visitor<R> v); }
    record Num(int v) implements Expr { public <R> R accept(Visitor<R> vis) { return vis.num(v); } }
    record Add(Expr a, Expr b) implements Expr { public <R> R accept(Visitor<R> vis) { return vis.add(a, b); } }
    record Mul(Expr a, Expr b) implements Expr { public <R> R accept(Visitor<R> vis) { return vis.mul(a, b); } }

    static abstract class Animal implements Comparable<Animal> {
        abstract String sound();
        String name() { return getClass().getSimpleName(); }
        public int compareTo(Animal o) { return name().compareTo(o.name()); }
        public String toString() { return name() + ":" + sound(); }
    }
    static class Dog extends Animal { String sound() { return "woof"; } }
    static class Cat extends Animal { String sound() { return "meow"; } }
    static class Kitten extends Cat { @Override String sound() { return super.sound() + "!"; } }

    static <T extends Comparable<? super T>> T max(Collection<? extends T> c) {
        Iterator<? extends T> it = c.iterator();
        T best = it.next();
        while (it.hasNext()) { T x = it.next(); if (x.compareTo(best) > 0) best = x; }
        return best;
    }

    static double sum(List<? extends Number> xs) { double s = 0; for (Number n : xs) s += n.doubleValue(); return s; }

    static void fill(List<? super Integer> l) { for (int i = 0; i < 3; i++) l.add(i); }

    static final class Range implements Iterable<Integer> {
        final int lo, hi;
        Range(int lo, int hi) { this.lo = lo; this.hi = hi; }
        public Iterator<Integer> iterator() {
            return new Iterator<>() { int i = lo; public boolean hasNext() { return i < hi; } public Integer next() { return i++; } };
        }
    }

    public static void main(String[] args) {
        Expr e = new Add(new Num(2), new Mul(new Num(3), new Num(4)));
        int value = e.accept(new Visitor<Integer>() {
            public Integer num(int v) { return v; }
            public Integer add(Expr a, Expr b) { return a.accept(this) + b.accept(this); }
            public Integer mul(Expr a, Expr b) { return a.accept(this) * b.accept(this); }
        });
        String shown = e.accept(new Visitor<String>() {
            public String num(int v) { return "" + v; }
            public String add(Expr a, Expr b) { return "(" + a.accept(this) + " + " + b.accept(this) + ")"; }
            public String mul(Expr a, Expr b) { return a.accept(this) + " * " + b.accept(this); }
        });
        System.out.println(shown + " = " + value);
        List<Animal> zoo = new ArrayList<>(List.of(new Kitten(), new Dog(), new Cat()));
        Collections.sort(zoo);
        System.out.println(zoo + " max " + max(zoo) + " " + max(List.of(3, 9, 2)) + " " + sum(List.of(1, 2.5, 3L)));
        List<Number> nums = new ArrayList<>();
        fill(nums);
        int total = 0;
        for (int i : new Range(1, 5)) total += i;
        System.out.println(nums + " " + total);
        Map<Boolean, List<Animal>> byCat = new TreeMap<>();
        for (Animal a : zoo) byCat.computeIfAbsent(a instanceof Cat, k -> new ArrayList<>()).add(a);
        System.out.println(byCat);
        BiFunction<Integer, Integer, Integer> gcd = new BiFunction<>() {
            public Integer apply(Integer a, Integer b) { return b == 0 ? a : this.apply(b, a % b); }
        };
        System.out.println(gcd.apply(84, 36));
    }
}
