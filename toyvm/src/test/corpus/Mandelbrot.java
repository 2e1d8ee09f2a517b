/** The Mandelbrot set as ASCII art (the benchmarks game's loop, text output instead of a PBM). */
public class Mandelbrot {
    public static void main(String[] args) {
        int w = 72, h = 28, iterations = 50;
        StringBuilder out = new StringBuilder();
        int inside = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double cr = 2.5 * x / w - 2.0, ci = 2.0 * y / h - 1.0, zr = 0, zi = 0;
                int i = 0;
                while (i < iterations && zr * zr + zi * zi <= 4.0) {
                    double t = zr * zr - zi * zi + cr;
                    zi = 2 * zr * zi + ci;
                    zr = t;
                    i++;
                }
                if (i == iterations) inside++;
                out.append(" .:-=+*#%@".charAt(i == iterations ? 9 : i % 9));
            }
            out.append('\n');
        }
        System.out.print(out);
        System.out.println(inside + " points inside");
    }
}
