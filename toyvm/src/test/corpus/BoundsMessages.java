import java.util.*;
import java.util.function.*;

/**
 * The exceptions a program meets at the edges of String, StringBuilder, arrays, lists and the parsers, printed with
 * their class and message, as textbook programs and tests do: toyvm's guest String/StringBuilder had messages of
 * their own ("begin 2, end 1, length 3" where the JDK says "Range [2, 1) out of bounds for length 3"), an
 * ArrayIndexOutOfBoundsException where the JDK throws StringIndexOutOfBoundsException, and an
 * append(CharSequence, start, end) with start > end that appended nothing instead of throwing.
 */
public class BoundsMessages {
    static void t(String what, Runnable r) {
        try { r.run(); System.out.println(what + ": no exception"); }
        catch (RuntimeException e) { System.out.println(what + ": " + e.getClass().getName() + ": " + e.getMessage()); }
    }
    public static void main(String[] args) {
        String s = "abc";
        StringBuilder sb = new StringBuilder("abcdef");
        char[] cs = new char[3];
        t("charAt", () -> s.charAt(5));
        t("charAt-neg", () -> s.charAt(-1));
        t("codePointAt", () -> s.codePointAt(3));
        t("codePointBefore", () -> s.codePointBefore(0));
        t("codePointCount", () -> s.codePointCount(2, 1));
        t("offsetByCodePoints", () -> s.offsetByCodePoints(0, 9));
        t("substring1", () -> s.substring(4));
        t("substring2", () -> s.substring(2, 1));
        t("substring3", () -> s.substring(-1, 2));
        t("subSequence", () -> s.subSequence(1, 9));
        t("newString", () -> new String(cs, 2, 5));
        t("newStringBytes", () -> new String(new byte[2], 1, 3));
        t("getChars", () -> s.getChars(0, 5, cs, 0));
        t("getChars-dst", () -> s.getChars(0, 3, cs, 1));
        t("valueOf", () -> String.valueOf(cs, 1, 4));
        t("copyValueOf", () -> String.copyValueOf(cs, -1, 1));
        t("repeat", () -> s.repeat(-1));
        t("indexOf-range", () -> System.out.print(s.indexOf('c', 2, 1) + " "));
        t("regionMatches", () -> System.out.print(s.regionMatches(5, "a", 0, 1) + " "));
        t("startsWith", () -> System.out.print(s.startsWith("a", 9) + " "));
        t("sb.charAt", () -> sb.charAt(6));
        t("sb.setCharAt", () -> sb.setCharAt(7, 'x'));
        t("sb.deleteCharAt", () -> sb.deleteCharAt(6));
        t("sb.delete", () -> sb.delete(4, 2));
        t("sb.delete-neg", () -> sb.delete(-1, 2));
        t("sb.insert", () -> sb.insert(9, "x"));
        t("sb.insert-chars", () -> sb.insert(0, cs, 2, 5));
        t("sb.replace", () -> sb.replace(5, 2, "x"));
        t("sb.replace-big", () -> sb.replace(9, 10, "x"));
        t("sb.substring", () -> sb.substring(3, 1));
        t("sb.substring1", () -> sb.substring(9));
        t("sb.setLength", () -> sb.setLength(-1));
        t("sb.append-range", () -> sb.append("xyz", 2, 1));
        t("sb.append-chars", () -> sb.append(cs, 1, 5));
        t("sb.getChars", () -> sb.getChars(0, 9, cs, 0));
        t("sb.codePointAt", () -> sb.codePointAt(10));
        t("sb.offsetByCodePoints", () -> sb.offsetByCodePoints(0, 99));
        t("new SB neg", () -> new StringBuilder(-1));
        t("arr", () -> System.out.print(new int[2][0].length));
        t("Arrays.copyOfRange", () -> Arrays.copyOfRange(new int[3], 2, 1));
        t("Arrays.fill", () -> Arrays.fill(new int[3], 2, 5, 0));
        t("System.arraycopy", () -> System.arraycopy(new int[3], 0, new int[2], 0, 3));
        t("System.arraycopy-type", () -> System.arraycopy(new int[3], 0, new long[3], 0, 3));
        t("System.arraycopy-neg", () -> System.arraycopy(new int[3], -1, new int[3], 0, 1));
        t("System.arraycopy-store", () -> System.arraycopy(new Object[]{1}, 0, new String[1], 0, 1));
        t("System.arraycopy-null", () -> System.arraycopy(null, 0, new int[1], 0, 1));
        t("List.get", () -> new ArrayList<>(List.of(1)).get(3));
        t("List.of.get", () -> List.of(1, 2).get(2));
        t("List.subList", () -> new ArrayList<>(List.of(1)).subList(0, 3));
        t("List.set", () -> new ArrayList<>(List.of(1)).set(-1, 3));
        t("List.add", () -> new ArrayList<>(List.of(1)).add(5, 3));
        t("List.remove", () -> new ArrayList<Integer>().remove(0));
        t("LinkedList.get", () -> new LinkedList<>(List.of(1)).get(4));
        t("Integer.parseInt", () -> Integer.parseInt("12a"));
        t("Integer.parseInt-empty", () -> Integer.parseInt(""));
        t("Integer.parseInt-null", () -> Integer.parseInt(null));
        t("Integer.parseInt-big", () -> Integer.parseInt("99999999999"));
        t("Integer.valueOf-radix", () -> Integer.valueOf("1", 99));
        t("Long.parseLong", () -> Long.parseLong("0x10"));
        t("Double.parseDouble", () -> Double.parseDouble("1.2.3"));
        t("Character.toChars", () -> Character.toChars(-5));
        t("Character.codePointAt", () -> Character.codePointAt(cs, 5));
        t("Iterator.next", () -> new ArrayList<>().iterator().next());
        t("Optional.get", () -> Optional.empty().get());
        t("Deque.pop", () -> new ArrayDeque<>().pop());
        t("Map.of null", () -> Map.of("a", null));
        t("requireNonNull", () -> Objects.requireNonNull(null, "thing must not be null"));
        t("Enum.valueOf", () -> Thread.State.valueOf("FOO"));
        t("string switch null", () -> { String n = null; switch (n) { case "a" -> {} default -> {} } });
        t("unboxing null", () -> { Integer n = null; int x = n; });
        t("checkFromIndexSize", () -> Objects.checkFromIndexSize(2, 5, 4));
        t("checkFromToIndex", () -> Objects.checkFromToIndex(3, 2, 4));
        t("String.format", () -> String.format("%d", "x"));
        t("String.format-missing", () -> String.format("%s %s", "x"));
        t("chars stream", () -> System.out.print("abc".chars().skip(1).sum() + " "));
        t("String.join null", () -> String.join(",", (List<String>) null));
        t("compareTo null", () -> "a".compareTo(null));
        t("intern", () -> System.out.print(("a" + s.length()).intern() == "a3"));
    }
}
