import java.text.DecimalFormat;
import java.text.NumberFormat;

/** The benchmarks game's spectral-norm, printing with java.text.DecimalFormat as the original does. */
public class SpectralNorm {
    private static final NumberFormat FORMATTER = new DecimalFormat("#.000000000");

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        System.out.println(FORMATTER.format(new SpectralNorm().approximate(n)));
        System.out.println(new DecimalFormat("#,##0.00").format(1234567.891) + " " + new DecimalFormat("0.###E0").format(123456)
                + " " + NumberFormat.getPercentInstance().format(0.256) + " " + NumberFormat.getIntegerInstance().format(9876543));
    }

    double approximate(int n) {
        double[] u = new double[n], v = new double[n];
        java.util.Arrays.fill(u, 1);
        for (int i = 0; i < 10; i++) {
            multiplyAtAv(n, u, v);
            multiplyAtAv(n, v, u);
        }
        double vBv = 0, vv = 0;
        for (int i = 0; i < n; i++) { vBv += u[i] * v[i]; vv += v[i] * v[i]; }
        return Math.sqrt(vBv / vv);
    }

    private double a(int i, int j) { return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1); }

    private void multiplyAv(int n, double[] v, double[] av) {
        for (int i = 0; i < n; i++) { av[i] = 0; for (int j = 0; j < n; j++) av[i] += a(i, j) * v[j]; }
    }

    private void multiplyAtv(int n, double[] v, double[] atv) {
        for (int i = 0; i < n; i++) { atv[i] = 0; for (int j = 0; j < n; j++) atv[i] += a(j, i) * v[j]; }
    }

    private void multiplyAtAv(int n, double[] v, double[] atAv) {
        double[] u = new double[n];
        multiplyAv(n, v, u);
        multiplyAtv(n, u, atAv);
    }
}
