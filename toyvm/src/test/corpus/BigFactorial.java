import java.math.BigInteger;

/** BigInteger: factorials, powers, modular arithmetic, gcd, primality, radix conversion. */
public class BigFactorial {
    public static void main(String[] args) {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= 60; i++) {
            f = f.multiply(BigInteger.valueOf(i));
        }
        System.out.println("60! = " + f);
        System.out.println("bits " + f.bitLength() + ", digits " + f.toString().length());
        BigInteger m = BigInteger.valueOf(1_000_000_007);
        System.out.println("60! mod p = " + f.mod(m));
        System.out.println("2^200 = " + BigInteger.TWO.pow(200));
        System.out.println("3^1000 mod p = " + BigInteger.valueOf(3).modPow(BigInteger.valueOf(1000), m));
        System.out.println("inverse 17 = " + BigInteger.valueOf(17).modInverse(m));
        System.out.println("gcd = " + f.gcd(BigInteger.TWO.pow(100).multiply(BigInteger.valueOf(81))));
        BigInteger[] qr = f.divideAndRemainder(new BigInteger("123456789012345678901234567890"));
        System.out.println("q = " + qr[0] + " r = " + qr[1]);
        System.out.println("sqrt = " + f.sqrt());
        System.out.println("hex = " + f.toString(16));
        int primes = 0;
        for (int i = 0; i < 200; i++) {
            if (BigInteger.valueOf(i).isProbablePrime(20)) {
                primes++;
            }
        }
        System.out.println("primes below 200: " + primes + ", next after 10^12: " + BigInteger.TEN.pow(12).nextProbablePrime());
        System.out.println(f.negate().signum() + " " + f.compareTo(m) + " " + f.testBit(60) + " " + f.shiftRight(250));
        BigInteger fib1 = BigInteger.ZERO, fib2 = BigInteger.ONE;
        for (int i = 0; i < 300; i++) {
            BigInteger t = fib1.add(fib2);
            fib1 = fib2;
            fib2 = t;
        }
        System.out.println("fib(300) = " + fib1);
    }
}
