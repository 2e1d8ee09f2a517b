import java.util.*;

/** java.util.Scanner on stdin, as competitive-programming solutions read input: ints, words, lines. */
public class ScannerSum {
    public static void main(String[] args) {
        Scanner sc = new Scanner(System.in);
        int n = sc.nextInt();
        long sum = 0;
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            int v = sc.nextInt();
            sum += v;
            max = Math.max(max, v);
        }
        String word = sc.next();
        String rest = sc.hasNextLine() ? sc.nextLine() : "";
        double d = sc.nextDouble();
        System.out.println("n=" + n + " sum=" + sum + " max=" + max + " word=" + word + " rest=[" + rest + "] d=" + d);
        System.out.println(sc.hasNext() ? "more: " + sc.next() : "no more");
    }
}
