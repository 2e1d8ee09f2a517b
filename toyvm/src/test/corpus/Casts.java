import java.util.*;

/** The messages of failed casts and array stores, as a program that logs e.getMessage() sees them. */
public class Casts {
    interface Animal { String sound(); }
    static class Dog implements Animal { public String sound() { return "woof"; } }
    static class Cat implements Animal { public String sound() { return "meow"; } }
    record Point(int x, int y) {}

    static void attempt(String what, Runnable r) {
        try {
            r.run();
            System.out.println(what + ": ok");
        } catch (ClassCastException | ArrayStoreException e) {
            System.out.println(what + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    public static void main(String[] args) {
        Object s = "text", dog = new Dog(), n = 42, ints = new int[3], pts = new Point[2], list = new ArrayList<String>();
        attempt("String as Integer", () -> { Integer i = (Integer) s; });
        attempt("Dog as Cat", () -> { Cat c = (Cat) dog; });
        attempt("Dog as String", () -> { String t = (String) dog; });
        attempt("Integer as Animal", () -> { Animal a = (Animal) n; });
        attempt("int[] as Object[]", () -> { Object[] o = (Object[]) ints; });
        attempt("Point[] as String[]", () -> { String[] o = (String[]) pts; });
        attempt("ArrayList as Map", () -> { Map<?, ?> m = (Map<?, ?>) list; });
        attempt("Point[] as Object[]", () -> { Object[] o = (Object[]) pts; });
        attempt("Class.cast", () -> Integer.class.cast(s));
        attempt("Class.cast app", () -> Cat.class.cast(dog));
        attempt("store String in Integer[]", () -> { Object[] a = new Integer[1]; a[0] = "x"; });
        attempt("store Dog in Cat[]", () -> { Animal[] a = new Cat[1]; a[0] = new Dog(); });
        attempt("arraycopy int[] to long[]", () -> System.arraycopy(new int[2], 0, new long[2], 0, 2));
        attempt("arraycopy Object[] to Integer[]", () -> System.arraycopy(new Object[]{1, "two"}, 0, new Integer[2], 0, 2));
        attempt("arraycopy String to array", () -> System.arraycopy("no array", 0, new char[2], 0, 2));
        List raw = new ArrayList<>(List.of("a", "b"));
        attempt("generic heap pollution", () -> { List<Integer> li = raw; int first = li.get(0); });
        attempt("TreeMap of non-comparables", () -> new TreeMap<Object, String>().put(new Dog(), "x"));
        Animal[] zoo = {new Dog(), new Cat()};
        for (Animal a : zoo) {
            System.out.println(a.getClass().getSimpleName() + " " + a.sound() + " " + (a instanceof Dog d ? "dog " + d.sound() : "not a dog"));
        }
    }
}
