import java.util.*;
import java.util.function.*;
import java.util.stream.*;
import java.math.*;

/**
 * Rosetta Code tasks (rosettacode.org), written anew in the style of their Java entries (no code copied: the
 * task statements only): Ackermann, Towers of Hanoi, Levenshtein, LZW, Huffman coding, N-queens, Sudoku, Roman
 * numerals, 0-1 knapsack, ROT13, permutations, look-and-say, big factorials and Fibonacci, a sieve, 100 doors,
 * FizzBuzz, anagrams, Collatz, and format/bit/character/random utilities.
 */
public class RosettaTasks {
    static int ackermann(int m, int n) { return m == 0 ? n + 1 : n == 0 ? ackermann(m - 1, 1) : ackermann(m - 1, ackermann(m, n - 1)); }
    static void hanoi(int n, char from, char to, char via, List<String> moves) {
        if (n == 0) return;
        hanoi(n - 1, from, via, to, moves); moves.add(from + "->" + to); hanoi(n - 1, via, to, from, moves);
    }
    static int levenshtein(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) for (int j = 1; j <= b.length(); j++)
            d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
        return d[a.length()][b.length()];
    }
    static List<Integer> lzwCompress(String s) {
        Map<String, Integer> dict = new HashMap<>();
        for (int i = 0; i < 256; i++) dict.put("" + (char) i, i);
        String w = ""; List<Integer> out = new ArrayList<>();
        for (char c : s.toCharArray()) {
            String wc = w + c;
            if (dict.containsKey(wc)) w = wc; else { out.add(dict.get(w)); dict.put(wc, dict.size()); w = "" + c; }
        }
        if (!w.isEmpty()) out.add(dict.get(w));
        return out;
    }
    static String lzwDecompress(List<Integer> codes) {
        Map<Integer, String> dict = new HashMap<>();
        for (int i = 0; i < 256; i++) dict.put(i, "" + (char) i);
        String w = "" + (char) (int) codes.get(0);
        StringBuffer result = new StringBuffer(w);
        for (int k : codes.subList(1, codes.size())) {
            String entry = dict.containsKey(k) ? dict.get(k) : w + w.charAt(0);
            result.append(entry);
            dict.put(dict.size(), w + entry.charAt(0));
            w = entry;
        }
        return result.toString();
    }
    static abstract class HuffmanTree implements Comparable<HuffmanTree> {
        final int freq;
        HuffmanTree(int f) { freq = f; }
        public int compareTo(HuffmanTree o) { return freq - o.freq; }
    }
    static class Leaf extends HuffmanTree { final char value; Leaf(int f, char v) { super(f); value = v; } }
    static class HNode extends HuffmanTree { final HuffmanTree l, r; HNode(HuffmanTree l, HuffmanTree r) { super(l.freq + r.freq); this.l = l; this.r = r; } }
    static void codes(HuffmanTree t, StringBuilder prefix, Map<Character, String> out) {
        if (t instanceof Leaf leaf) out.put(leaf.value, prefix.toString());
        else if (t instanceof HNode n) {
            prefix.append('0'); codes(n.l, prefix, out); prefix.deleteCharAt(prefix.length() - 1);
            prefix.append('1'); codes(n.r, prefix, out); prefix.deleteCharAt(prefix.length() - 1);
        }
    }
    static int queens(int n) { return place(n, 0, new int[n]); }
    static int place(int n, int row, int[] cols) {
        if (row == n) return 1;
        int c = 0;
        outer:
        for (int col = 0; col < n; col++) {
            for (int r = 0; r < row; r++) if (cols[r] == col || Math.abs(cols[r] - col) == row - r) continue outer;
            cols[row] = col; c += place(n, row + 1, cols);
        }
        return c;
    }
    static boolean solveSudoku(int[] g) {
        for (int i = 0; i < 81; i++) if (g[i] == 0) {
            for (int v = 1; v <= 9; v++) if (ok(g, i, v)) { g[i] = v; if (solveSudoku(g)) return true; g[i] = 0; }
            return false;
        }
        return true;
    }
    static boolean ok(int[] g, int i, int v) {
        int r = i / 9, c = i % 9, br = r / 3 * 3, bc = c / 3 * 3;
        for (int k = 0; k < 9; k++) if (g[r * 9 + k] == v || g[k * 9 + c] == v || g[(br + k / 3) * 9 + bc + k % 3] == v) return false;
        return true;
    }
    static String roman(int n) {
        int[] v = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] s = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) while (n >= v[i]) { n -= v[i]; sb.append(s[i]); }
        return sb.toString();
    }
    static long knapsack(int[] w, int[] val, int cap) {
        long[] dp = new long[cap + 1];
        for (int i = 0; i < w.length; i++) for (int c = cap; c >= w[i]; c--) dp[c] = Math.max(dp[c], dp[c - w[i]] + val[i]);
        return dp[cap];
    }
    static String rot13(String s) {
        return s.chars().map(c -> Character.isUpperCase(c) ? 'A' + (c - 'A' + 13) % 26 : Character.isLowerCase(c) ? 'a' + (c - 'a' + 13) % 26 : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
    static List<String> permutations(String s) {
        if (s.length() <= 1) return List.of(s);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) for (String p : permutations(s.substring(0, i) + s.substring(i + 1))) out.add(s.charAt(i) + p);
        return out;
    }
    static String lookAndSay(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); ) { int j = i; while (j < s.length() && s.charAt(j) == s.charAt(i)) j++; sb.append(j - i).append(s.charAt(i)); i = j; }
        return sb.toString();
    }
    public static void main(String[] args) {
        System.out.println("A(2,3)=" + ackermann(2, 3) + " A(3,3)=" + ackermann(3, 3));
        List<String> moves = new ArrayList<>(); hanoi(5, 'A', 'C', 'B', moves);
        System.out.println("hanoi 5: " + moves.size() + " moves, first " + moves.subList(0, 4));
        System.out.println("levenshtein kitten/sitting " + levenshtein("kitten", "sitting") + ", rosettacode/raisethysword " + levenshtein("rosettacode", "raisethysword"));
        List<Integer> comp = lzwCompress("TOBEORNOTTOBEORTOBEORNOT");
        System.out.println("LZW " + comp + " -> " + lzwDecompress(comp));
        String text = "this is an example for huffman encoding";
        int[] freq = new int[256]; for (char c : text.toCharArray()) freq[c]++;
        PriorityQueue<HuffmanTree> pq = new PriorityQueue<>(Comparator.<HuffmanTree>comparingInt(t -> t.freq).thenComparing(t -> t instanceof Leaf l ? "" + l.value : "~"));
        for (int i = 0; i < 256; i++) if (freq[i] > 0) pq.offer(new Leaf(freq[i], (char) i));
        while (pq.size() > 1) pq.offer(new HNode(pq.poll(), pq.poll()));
        Map<Character, String> codes = new TreeMap<>(); codes(pq.poll(), new StringBuilder(), codes);
        int bits = 0; for (char c : text.toCharArray()) bits += codes.get(c).length();
        System.out.println("huffman " + codes.size() + " symbols, " + bits + " bits");
        for (int n = 4; n <= 7; n++) System.out.print(n + "-queens " + queens(n) + (n < 7 ? ", " : "\n"));
        int[] g = Arrays.stream("530070000600195000098000060800060003400803001700020006060000280000419005000080079".split("")).mapToInt(Integer::parseInt).toArray();
        System.out.println("sudoku solved " + solveSudoku(g) + " first row " + Arrays.toString(Arrays.copyOf(g, 9)));
        System.out.println(IntStream.of(1990, 2008, 1666, 2024, 3999).mapToObj(RosettaTasks::roman).collect(Collectors.joining(" ")));
        System.out.println("knapsack " + knapsack(new int[]{9, 13, 153, 50, 15, 68, 27, 39, 23, 52, 11, 32, 24, 48, 73, 42, 43, 22, 7, 18, 4, 30},
                new int[]{150, 35, 200, 160, 60, 45, 60, 40, 30, 10, 70, 30, 15, 10, 40, 70, 75, 80, 20, 12, 50, 10}, 400));
        System.out.println(rot13("Hello, World! The Quick Brown Fox."));
        System.out.println("perms of abcd: " + permutations("abcd").size() + " " + permutations("abc"));
        String las = "1"; for (int i = 0; i < 8; i++) { System.out.print(las + " "); las = lookAndSay(las); } System.out.println();
        BigInteger f = BigInteger.ONE; for (int i = 2; i <= 50; i++) f = f.multiply(BigInteger.valueOf(i));
        System.out.println("50! = " + f + " digits sum " + f.toString().chars().map(c -> c - '0').sum());
        BigInteger a = BigInteger.ZERO, b = BigInteger.ONE; for (int i = 0; i < 200; i++) { BigInteger t = a.add(b); a = b; b = t; }
        System.out.println("fib(200) = " + a + " bitLength " + a.bitLength() + " probablePrime(2^61-1) " + BigInteger.TWO.pow(61).subtract(BigInteger.ONE).isProbablePrime(30));
        System.out.println("2^100 mod 97 = " + BigInteger.TWO.modPow(BigInteger.valueOf(100), BigInteger.valueOf(97)) + ", gcd " + BigInteger.valueOf(1071).gcd(BigInteger.valueOf(462)) + ", sqrt " + BigInteger.TEN.pow(40).add(BigInteger.ONE).sqrt());
        BigDecimal pi = new BigDecimal("3.14159265358979323846264338327950288");
        System.out.println(pi.setScale(10, RoundingMode.HALF_EVEN) + " " + BigDecimal.ONE.divide(new BigDecimal(7), new MathContext(30)) + " " + new BigDecimal("2").sqrt(new MathContext(25)) + " " + new BigDecimal("1.10").stripTrailingZeros().toPlainString());
        // sieve + goldbach + perfect numbers
        BitSet composite = new BitSet(10001);
        for (int i = 2; i * i <= 10000; i++) if (!composite.get(i)) for (int j = i * i; j <= 10000; j += i) composite.set(j);
        int primes = 0; for (int i = 2; i <= 10000; i++) if (!composite.get(i)) primes++;
        System.out.println("primes below 10000: " + primes + ", perfect: " + IntStream.rangeClosed(2, 500).filter(n -> IntStream.range(1, n).filter(d -> n % d == 0).sum() == n).boxed().toList());
        // 100 doors
        boolean[] doors = new boolean[101]; for (int p = 1; p <= 100; p++) for (int d = p; d <= 100; d += p) doors[d] = !doors[d];
        System.out.println("open doors " + IntStream.rangeClosed(1, 100).filter(i -> doors[i]).boxed().toList());
        // fizzbuzz with switch expression
        System.out.println(IntStream.rangeClosed(1, 15).mapToObj(i -> switch (i % 15) { case 0 -> "FizzBuzz"; case 3, 6, 9, 12 -> "Fizz"; case 5, 10 -> "Buzz"; default -> Integer.toString(i); }).collect(Collectors.joining(",")));
        // anagrams
        Map<String, List<String>> an = Stream.of("listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog")
            .collect(Collectors.groupingBy(w -> { char[] c = w.toCharArray(); Arrays.sort(c); return new String(c); }, TreeMap::new, Collectors.toList()));
        System.out.println(an);
        // Collatz
        int best = 0, bestN = 0; for (int n = 1; n < 1000; n++) { long x = n; int steps = 0; while (x != 1) { x = (x & 1) == 0 ? x / 2 : 3 * x + 1; steps++; } if (steps > best) { best = steps; bestN = n; } }
        System.out.println("collatz longest below 1000: " + bestN + " (" + best + " steps)");
        System.out.println(String.format("%08.3f|%-6s|%6s|%x|%o|%e|%,d|%+d|%b|%c|%%|%10.4e", Math.PI, "ab", "cd", 255, 8, 12345.678, 1234567, 5, true, 'z', 6.02e23));
        System.out.println(Integer.toBinaryString(42) + " " + Integer.toHexString(-1) + " " + Long.toOctalString(64) + " " + Integer.bitCount(255) + " " + Integer.reverse(1) + " " + Integer.highestOneBit(100) + " " + Long.numberOfTrailingZeros(1024) + " " + Integer.parseUnsignedInt("4294967295") + " " + Integer.toUnsignedString(-1) + " " + Integer.rotateLeft(1, 33));
        System.out.println(Character.isLetterOrDigit('_') + " " + Character.getNumericValue('Z') + " " + Character.isWhitespace('\t') + " " + Character.toChars(0x1F600).length + " " + "héllo wörld".toUpperCase() + " " + Character.getName('a') + " " + Character.isJavaIdentifierStart('$') + " " + Character.digit('f', 16) + " " + Character.forDigit(11, 16));
        System.out.println(Double.toHexString(1.0) + " " + Float.intBitsToFloat(0x40490fdb) + " " + Double.MIN_VALUE + " " + Math.fma(2.0, 3.0, 1.0) + " " + StrictMath.cbrt(27) + " " + Math.nextUp(1.0f) + " " + Math.toDegrees(Math.PI) + " " + Math.log10(1000) + " " + Math.atan2(1, 1) + " " + Math.sinh(1.0) + " " + Math.expm1(1e-10));
        System.out.println(HexFormat.of().formatHex(new byte[]{1, 2, (byte) 0xab}) + " " + HexFormat.ofDelimiter(":").withUpperCase().formatHex(new byte[]{10, 11}) + " " + Arrays.toString(HexFormat.of().parseHex("cafe")));
        Random rnd = new Random(42);
        System.out.println(rnd.nextInt(100) + " " + rnd.nextLong() + " " + rnd.nextDouble() + " " + rnd.nextGaussian() + " " + rnd.nextBoolean() + " " + rnd.ints(5, 0, 10).boxed().toList());
        SplittableRandom sr = new SplittableRandom(7); System.out.println(sr.nextInt(1000) + " " + sr.split().nextLong());
        List<Integer> shuf = new ArrayList<>(IntStream.range(0, 10).boxed().toList()); Collections.shuffle(shuf, new Random(1)); System.out.println(shuf);
        System.out.println(new UUID(1, 2) + " " + Base64.getEncoder().encodeToString("hello world".getBytes()) + " " + new String(Base64.getDecoder().decode("aGk=")) + " " + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[]{-1, -2, -3}));
    }
}
