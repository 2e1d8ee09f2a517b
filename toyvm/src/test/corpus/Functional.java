import java.util.*;
import java.util.function.*;

/** Functional interfaces, composition, Optional, method references of every kind. */
public class Functional {
    static int twice(int x) { return 2 * x; }

    public static void main(String[] args) {
        Function<Integer, Integer> inc = x -> x + 1;
        Function<Integer, Integer> sq = x -> x * x;
        System.out.println(inc.andThen(sq).apply(3) + " " + inc.compose(sq).apply(3) + " " + Function.<Integer>identity().apply(7));
        BiFunction<String, Integer, String> rep = String::repeat;
        Supplier<List<String>> mk = ArrayList::new;
        List<String> l = mk.get();
        l.add(rep.apply("ab", 2));
        UnaryOperator<String> up = String::toUpperCase;
        IntUnaryOperator tw = Functional::twice;
        System.out.println(l + " " + up.apply("x") + " " + tw.applyAsInt(21) + " " + ((IntBinaryOperator) Math::max).applyAsInt(3, 9));
        Predicate<String> empty = String::isEmpty;
        System.out.println(empty.negate().test("") + " " + empty.or(s -> s.startsWith("a")).test("abc") + " " + Predicate.not(empty).test("z"));
        Optional<String> o = Optional.of("value");
        System.out.println(o.map(String::length).orElse(-1) + " " + Optional.empty().isPresent() + " " + o.filter(s -> s.length() > 10).orElseGet(() -> "fallback")
                + " " + Optional.ofNullable(null).or(() -> Optional.of("alt")).get() + " " + o.stream().count());
        try { Optional.empty().orElseThrow(); } catch (NoSuchElementException e) { System.out.println(e.getMessage()); }
        BinaryOperator<Integer> add = Integer::sum;
        System.out.println(List.of(1, 2, 3, 4).stream().reduce(0, add) + " " + BinaryOperator.minBy(Comparator.<Integer>naturalOrder()).apply(4, 2));
        Runnable r = () -> System.out.println("ran");
        r.run();
        Consumer<StringBuilder> c1 = sb -> sb.append("a");
        c1.andThen(sb -> sb.append("b")).andThen(System.out::println).accept(new StringBuilder(">"));
        Map<String, Function<Double, Double>> ops = new TreeMap<>(Map.of("sqrt", Math::sqrt, "neg", x -> -x, "abs", Math::abs));
        ops.forEach((k, f) -> System.out.print(k + "=" + f.apply(-16.0 < 0 && k.equals("sqrt") ? 16.0 : -16.0) + " "));
        System.out.println();
    }
}
