package dev.uffdgc.samples;

import static dev.uffdgc.samples.Showcase.say;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

import dev.uffdgc.samples.ShowcaseClasses.Point;

/** Lambdas (capturing and not), every kind of method reference, Comparator combinators, Objects, Arrays. */
final class ShowcaseLambdas {
    private final String prefix;

    private ShowcaseLambdas(String prefix) {
        this.prefix = prefix;
    }

    /** A lambda that captures this. */
    private Function<String, String> tagger() {
        return s -> prefix + s;
    }

    private static int twice(int x) {
        return 2 * x;
    }

    static void run() {
        lambdas();
        methodReferences();
        comparators();
        objectsAndArrays();
    }

    static void lambdas() {
        int base = 10;
        long[] total = {0};
        IntUnaryOperator addBase = x -> x + base;
        IntUnaryOperator square = x -> x * x;
        IntPredicate even = x -> (x & 1) == 0;
        for (int i = 0; i < 5; i++) {
            if (even.negate().test(i)) {
                total[0] += addBase.andThen(square).applyAsInt(i);
            }
        }
        say("lambda total " + total[0] + ", composed " + square.compose(addBase).applyAsInt(2));
        Function<Integer, Function<Integer, Integer>> curried = a -> b -> a * 10 + b;
        say("curried " + curried.apply(4).apply(2) + ", identity " + Function.<String>identity().apply("id"));
        Supplier<Supplier<String>> nested = () -> () -> "nested supplier";
        say(nested.get().get() + ", tagged " + new ShowcaseLambdas("<t>").tagger().apply("x"));
        Runnable r = () -> say("runnable ran with base " + base);
        r.run();
    }

    static void methodReferences() {
        Function<String, Integer> parse = Integer::parseInt;
        ToIntFunction<String> length = String::length;
        BiFunction<String, String, Boolean> same = String::equals;
        IntUnaryOperator twice = ShowcaseLambdas::twice;
        String word = "lambda";
        IntUnaryOperator charAt = word::charAt;
        Supplier<StringBuilder> fresh = StringBuilder::new;
        IntFunction<int[]> newArray = int[]::new;
        BiFunction<Integer, Integer, Point> point = Point::new;
        UnaryOperator<String> swap = s -> s.substring(s.length() / 2) + s.substring(0, s.length() / 2);
        say("parse " + (parse.apply("-17") + 1) + ", length " + length.applyAsInt("four")
                + ", same " + same.apply("a", "a") + ", twice " + twice.applyAsInt(21));
        say("bound charAt " + (char) charAt.applyAsInt(2) + ", fresh " + fresh.get().append("sb").length()
                + ", array " + newArray.apply(3).length + ", ctor " + point.apply(1, 2) + ", " + swap.apply("word"));
    }

    static void comparators() {
        String[] words = {"pear", "fig", "apple", "kiwi", "banana", "date", "Fig"};
        Arrays.sort(words);
        say("natural " + Arrays.toString(words));
        Arrays.sort(words, Comparator.comparing(String::length).thenComparing(Comparator.reverseOrder()));
        say("by length then reversed " + Arrays.toString(words));
        Point[] points = {new Point(3, 1), new Point(1, 9), new Point(3, -2), new Point(0, 0)};
        Arrays.sort(points);
        say("points " + Arrays.toString(points));
        Arrays.sort(points, Comparator.comparingInt(Point::y).reversed());
        say("by y desc " + Arrays.toString(points));
        Integer[] boxed = {5, -1, 3, 3, 10};
        Arrays.sort(boxed, (a, b) -> Integer.compare(b % 3, a % 3) != 0 ? Integer.compare(b % 3, a % 3) : a - b);
        say("by remainder " + Arrays.toString(boxed));
    }

    static void objectsAndArrays() {
        say("objects " + Objects.equals(null, null) + " " + Objects.equals("a", null) + " " + Objects.hash(1, "a", null)
                + " " + Objects.hashCode(null) + " " + Objects.toString(null, "dflt") + " " + Objects.isNull(null));
        try {
            Objects.requireNonNull(null, "needed a value");
        } catch (NullPointerException e) {
            say("requireNonNull: " + e.getMessage());
        }
        int[] a = new int[8];
        Arrays.setAll(a, i -> i * i - 3);
        int[] b = Arrays.copyOf(a, 10);
        int[] c = Arrays.copyOfRange(a, 2, 5);
        Arrays.fill(b, 8, 10, 7);
        Arrays.sort(a);
        say("arrays " + Arrays.toString(a) + " " + Arrays.toString(b) + " " + Arrays.toString(c));
        say("equals " + Arrays.equals(a, Arrays.copyOf(a, a.length)) + " " + Arrays.equals(a, b)
                + " hash " + Arrays.hashCode(c) + " " + Arrays.hashCode(new String[] {"x", null}));
        List<String> list = Arrays.asList("one", "two", "three");
        say("asList size " + list.size() + " get " + list.get(1) + " contains " + list.contains("three") + " " + list);
        long[] longs = {5L, -2L, Long.MIN_VALUE};
        double[] doubles = {2.5, -0.0, 0.0, Double.NaN, -1};
        Arrays.sort(longs);
        Arrays.sort(doubles);
        say("sorted " + Arrays.toString(longs) + " " + Arrays.toString(doubles));
    }
}
