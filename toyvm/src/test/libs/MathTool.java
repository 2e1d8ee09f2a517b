// A stranger-style program using commons-math3: statistics, regression, LU/eigen decomposition, FFT, distributions, fractions.
import org.apache.commons.math3.linear.*;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.apache.commons.math3.random.*;
import org.apache.commons.math3.transform.*;
import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.fraction.Fraction;
import org.apache.commons.math3.util.ArithmeticUtils;

public class MathTool {
    public static void main(String[] args) {
        RandomGenerator rg = new Well19937c(42);
        DescriptiveStatistics ds = new DescriptiveStatistics();
        for (int i = 0; i < 1000; i++) ds.addValue(rg.nextGaussian() * 3 + 10);
        System.out.printf("mean %.6f sd %.6f median %.6f p90 %.6f%n", ds.getMean(), ds.getStandardDeviation(), ds.getPercentile(50), ds.getPercentile(90));
        SimpleRegression reg = new SimpleRegression();
        for (int i = 0; i < 50; i++) reg.addData(i, 2.5 * i + 1 + rg.nextDouble());
        System.out.printf("slope %.6f intercept %.6f r2 %.6f%n", reg.getSlope(), reg.getIntercept(), reg.getRSquare());
        RealMatrix m = MatrixUtils.createRealMatrix(new double[][]{{4, 1, 2}, {1, 5, 3}, {2, 3, 6}});
        RealMatrix inv = new LUDecomposition(m).getSolver().getInverse();
        System.out.println(inv.multiply(m).getEntry(1, 1) > 0.999999);
        EigenDecomposition ed = new EigenDecomposition(m);
        System.out.printf("eig %.6f %.6f %.6f%n", ed.getRealEigenvalue(0), ed.getRealEigenvalue(1), ed.getRealEigenvalue(2));
        double[] sig = new double[64];
        for (int i = 0; i < 64; i++) sig[i] = Math.sin(2 * Math.PI * 5 * i / 64.0);
        Complex[] f = new FastFourierTransformer(DftNormalization.STANDARD).transform(sig, TransformType.FORWARD);
        System.out.printf("fft |X5| %.6f |X6| %.6f%n", f[5].abs(), f[6].abs());
        System.out.printf("cdf %.8f%n", new NormalDistribution(0, 1).cumulativeProbability(1.96));
        System.out.println(new Fraction(3, 4).add(new Fraction(5, 6)) + " " + ArithmeticUtils.binomialCoefficient(40, 20));
        try { MatrixUtils.createRealMatrix(new double[][]{{1, 2}, {2, 4}}).getColumn(3); } catch (Exception e) { System.out.println(e.getClass().getName()); }
    }
}
