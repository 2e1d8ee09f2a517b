/** printf/String.format as everyday programs use them: the common conversions, widths, flags. */
public class FormatBasics {
    public static void main(String[] args) {
        System.out.printf("%d %s %f %,d %.3f %x%n", 42, "hi", Math.PI, 1234567, 2.0 / 3, 255);
        System.out.printf("[%5d] [%-5d] [%05d] [%+d] [%(d]%n", 42, 42, 42, 42, -42);
        System.out.printf("[%10.4f] [%-10.2f] [%e] [%.2e] [%g]%n", Math.E, -1.5, 12345.678, 0.000123, 0.5);
        System.out.printf("[%8s] [%-8s] [%.3s] [%S]%n", "abc", "abc", "abcdef", "shout");
        System.out.printf("%o %X %#x %c %b %b %% %h%n", 8, 0xCAFE, 255, 'z', true, null, "hi");
        System.out.printf("%,.2f %,d %,d%n", 1234567.891, -9876543210L, 0);
        System.out.printf("%2$s %1$s %2$s%n", "a", "b");
        System.out.println(String.format("%08.3f|%s|%10s|", -3.14159, null, true));
        System.out.println("%d items at %.2f each = %.2f".formatted(3, 1.25, 3 * 1.25));
        StringBuilder sb = new StringBuilder();
        java.util.Formatter f = new java.util.Formatter(sb);
        f.format("%-6s|%6s|", "left", "right");
        f.format("%3$s %1$s %2$s", "x", "y", "z");
        System.out.println(sb);
        System.out.println(String.format("%.0f %.1f %.5f", 2.5, 0.05, 1e-7));
        System.out.println(String.format("%x %x", -1, -1L));
    }
}
