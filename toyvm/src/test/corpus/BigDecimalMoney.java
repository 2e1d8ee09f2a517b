import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/** BigDecimal as accounting code uses it: scales, rounding modes, sums, division with a MathContext. */
public class BigDecimalMoney {
    public static void main(String[] args) {
        List<String> prices = List.of("19.99", "5.01", "0.10", "1234.567", "0.005");
        BigDecimal sum = BigDecimal.ZERO;
        for (String p : prices) {
            sum = sum.add(new BigDecimal(p));
        }
        System.out.println("sum " + sum + " scale " + sum.scale());
        BigDecimal rate = new BigDecimal("0.0825");
        BigDecimal tax = sum.multiply(rate).setScale(2, RoundingMode.HALF_UP);
        System.out.println("tax " + tax + " total " + sum.add(tax).setScale(2, RoundingMode.HALF_EVEN));
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.UP, RoundingMode.DOWN, RoundingMode.CEILING,
                RoundingMode.FLOOR, RoundingMode.HALF_UP, RoundingMode.HALF_DOWN, RoundingMode.HALF_EVEN}) {
            System.out.println(mode + ": " + new BigDecimal("2.345").setScale(2, mode) + " " + new BigDecimal("-2.345").setScale(2, mode));
        }
        System.out.println(BigDecimal.ONE.divide(new BigDecimal("7"), new MathContext(40)));
        System.out.println(BigDecimal.ONE.divide(new BigDecimal("3"), 10, RoundingMode.HALF_UP));
        System.out.println(new BigDecimal("1.10").equals(new BigDecimal("1.1")) + " " + new BigDecimal("1.10").compareTo(new BigDecimal("1.1")));
        System.out.println(new BigDecimal("1.2300").stripTrailingZeros() + " " + new BigDecimal("1E+3").toPlainString() + " "
                + new BigDecimal(0.1) + " " + BigDecimal.valueOf(0.1));
        System.out.println(new BigDecimal("123.456").sqrt(MathContext.DECIMAL64) + " " + new BigDecimal("2").pow(64));
        System.out.printf("%.2f %10.3f %s%n", new BigDecimal("3.14159"), new BigDecimal("2.5"), new BigDecimal("-0.000"));
    }
}
