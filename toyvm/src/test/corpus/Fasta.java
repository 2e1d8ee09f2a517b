/** The benchmarks game's fasta: repeated and weighted random DNA sequences, 60 columns. */
public class Fasta {
    static final String ALU = "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGGGAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGACCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAATACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCAGCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGGAGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCCAGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA";
    static final int IM = 139968, IA = 3877, IC = 29573;
    static int last = 42;

    static double random(double max) { last = (last * IA + IC) % IM; return max * last / IM; }

    static void repeat(String id, String desc, String s, int n) {
        System.out.println(">" + id + " " + desc);
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < n; i++) {
            line.append(s.charAt(i % s.length()));
            if (line.length() == 60) { System.out.println(line); line.setLength(0); }
        }
        if (line.length() > 0) System.out.println(line);
    }

    static void random(String id, String desc, char[] chars, double[] probs, int n) {
        System.out.println(">" + id + " " + desc);
        double[] cumulative = new double[probs.length];
        double acc = 0;
        for (int i = 0; i < probs.length; i++) { acc += probs[i]; cumulative[i] = acc; }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double r = random(1.0);
            int k = 0;
            while (k < cumulative.length - 1 && r >= cumulative[k]) k++;
            line.append(chars[k]);
            if (line.length() == 60) { System.out.println(line); line.setLength(0); }
        }
        if (line.length() > 0) System.out.println(line);
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        repeat("ONE", "Homo sapiens alu", ALU, 2 * n);
        random("TWO", "IUB ambiguity codes", "acgtBDHKMNRSVWY".toCharArray(),
                new double[] {0.27, 0.12, 0.12, 0.27, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02}, 3 * n);
        random("THREE", "Homo sapiens frequency", "acgt".toCharArray(),
                new double[] {0.3029549426680, 0.1979883004921, 0.1975473066391, 0.3015094502008}, 5 * n);
    }
}
