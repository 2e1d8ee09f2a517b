import java.math.BigInteger;

/** The benchmarks game's pidigits (spigot algorithm), printing digits in lines of ten. */
public class PiDigits {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        BigInteger q = BigInteger.ONE, r = BigInteger.ZERO, t = BigInteger.ONE;
        int k = 1, printed = 0;
        StringBuilder line = new StringBuilder();
        while (printed < n) {
            BigInteger three = q.multiply(BigInteger.valueOf(3)).add(r).divide(t);
            BigInteger four = q.multiply(BigInteger.valueOf(4)).add(r).divide(t);
            if (three.equals(four)) {
                line.append(three);
                printed++;
                if (printed % 10 == 0) {
                    System.out.println(line + "\t:" + printed);
                    line.setLength(0);
                }
                r = r.subtract(three.multiply(t)).multiply(BigInteger.TEN);
                q = q.multiply(BigInteger.TEN);
            } else {
                BigInteger k2 = BigInteger.valueOf(2L * k + 1);
                r = q.shiftLeft(1).add(r).multiply(k2);
                q = q.multiply(BigInteger.valueOf(k));
                t = t.multiply(k2);
                k++;
            }
        }
        if (line.length() > 0) {
            System.out.printf("%-10s\t:%d%n", line, printed);
        }
    }
}
