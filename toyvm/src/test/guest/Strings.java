import java.util.Arrays;
import java.util.Objects;

/** String, StringBuilder, formatting, boxing and the Arrays/Objects helpers. */
public class Strings {
    public static void main(String[] args) {
        String s = "Hello, World";
        System.out.println(s.length() + " " + s.charAt(4) + " " + s.indexOf("World") + " " + s.indexOf('z') + " " + s.lastIndexOf('o'));
        System.out.println(s.substring(7) + "|" + s.substring(0, 5) + "|" + s.toUpperCase() + "|" + s.toLowerCase());
        System.out.println(s.replace('l', 'L') + " " + s.replace("World", "toyvm") + " " + s.contains("lo,") + " " + s.startsWith("Hell"));
        System.out.println(Arrays.toString("a,b,,c".split(",")) + " " + Arrays.toString("x1y22z".split("\\d+")) + " " + "  pad  ".trim() + "|");
        System.out.println("abc".compareTo("abd") + " " + "b".compareTo("a") + " " + "abc".equals("ab" + "c") + " " + "ABC".equalsIgnoreCase("abc"));
        System.out.println("abc".hashCode() + " " + "".hashCode() + " " + "hello world".hashCode());
        String lit = "interned";
        String built = new StringBuilder("inter").append("ned").toString();
        System.out.println((lit == built) + " " + (lit == built.intern()) + " " + lit.equals(built));
        System.out.println(String.format("%d|%5d|%-5d|%05d|%x|%X|%o", 42, 42, 42, 42, 255, 255, 8));
        System.out.println(String.format("%.2f|%10.3f|%e|%s|%S|%c|%b|%%|%n", Math.PI, Math.E, 12345.678, "str", "up", 'c', true).trim());
        System.out.println(String.format("%s %s %s", null, new int[0].length, Arrays.asList(1, 2, 3)));
        System.out.printf("%,d and %+d%n", 1234567, 5);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            sb.append(i % 3 == 0 ? "x" : String.valueOf(i));
        }
        sb.insert(0, "[").append(']').reverse();
        System.out.println(sb + " " + sb.length() + " " + sb.indexOf("x"));
        sb.setLength(3);
        sb.setCharAt(0, 'Q');
        sb.deleteCharAt(1);
        System.out.println(sb);
        System.out.println(String.join("-", "a", "b", "c") + " " + "ab".repeat(3) + " " + "  ".isBlank() + " " + " x ".strip() + "|");
        Integer a = 127;
        Integer b = 127;
        Integer c = 128;
        Integer d = 128;
        System.out.println((a == b) + " " + (c == d) + " " + c.equals(d) + " " + Integer.valueOf(5).hashCode());
        Long l1 = 100L;
        Long l2 = 100L;
        System.out.println((l1 == l2) + " " + Long.valueOf(1L << 40) + " " + Long.parseLong("-9000000000"));
        Character ch = 'x';
        Boolean t = true;
        Double dd = 2.5;
        System.out.println(ch + " " + t + " " + dd + " " + (dd * 2) + " " + Double.parseDouble("1e3") + " " + Double.valueOf("0.1"));
        System.out.println(Character.isDigit('7') + " " + Character.isLetter('x') + " " + Character.toUpperCase('q') + " " + (int) Character.forDigit(11, 16));
        int[] nums = {5, 3, 9, 1, 7};
        int[] copy = Arrays.copyOf(nums, 7);
        Arrays.sort(nums);
        System.out.println(Arrays.toString(nums) + " " + Arrays.toString(copy) + " " + Arrays.binarySearch(nums, 7));
        String[] words = {"pear", "apple", "fig", "banana"};
        Arrays.sort(words);
        System.out.println(Arrays.toString(words));
        Arrays.sort(words, (x, y) -> x.length() - y.length());
        System.out.println(Arrays.toString(words) + " " + Arrays.hashCode(words) + " " + Arrays.equals(nums, new int[] {1, 3, 5, 7, 9}));
        double[] ds = new double[4];
        Arrays.fill(ds, 1.5);
        Arrays.setAll(copy, i -> i * i);
        System.out.println(Arrays.toString(ds) + " " + Arrays.toString(copy) + " " + Arrays.toString(Arrays.copyOfRange(copy, 2, 4)));
        System.out.println(Objects.equals(null, null) + " " + Objects.hash(1, "a") + " " + Objects.requireNonNullElse(null, "dflt"));
        char[] cs = s.toCharArray();
        System.out.println(cs.length + " " + new String(cs, 7, 5) + " " + String.valueOf(cs).length());
        Object o = new Object();
        String os = o.toString();
        System.out.println(os.startsWith("java.lang.Object@") + " " + (o.hashCode() == System.identityHashCode(o)));
        System.out.println(Integer.MAX_VALUE + " " + Integer.MIN_VALUE + " " + Long.MAX_VALUE + " " + Double.MAX_VALUE + " " + Float.MIN_VALUE);
        System.out.println(Integer.toBinaryString(10) + " " + Integer.bitCount(255) + " " + Long.numberOfTrailingZeros(64) + " " + Integer.compare(3, 5));
    }
}
