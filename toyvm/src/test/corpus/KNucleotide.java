import java.io.*;
import java.util.*;

/** The benchmarks game's k-nucleotide: reads a FASTA file from stdin, counts k-mers, prints frequencies. */
public class KNucleotide {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String line;
        while ((line = in.readLine()) != null && !line.startsWith(">THREE")) { }
        StringBuilder seq = new StringBuilder();
        while ((line = in.readLine()) != null && !line.startsWith(">")) seq.append(line.trim().toUpperCase());
        String s = seq.toString();
        for (int k = 1; k <= 2; k++) {
            Map<String, Integer> counts = count(s, k);
            List<Map.Entry<String, Integer>> e = new ArrayList<>(counts.entrySet());
            e.sort((a, b) -> b.getValue() != a.getValue().intValue() ? b.getValue() - a.getValue() : a.getKey().compareTo(b.getKey()));
            for (Map.Entry<String, Integer> x : e) System.out.printf("%s %.3f%n", x.getKey(), 100.0 * x.getValue() / (s.length() - k + 1));
            System.out.println();
        }
        for (String frag : new String[] {"GGT", "GGTA", "GGTATT", "GGTATTTTAATT", "GGTATTTTAATTTATAGT"}) {
            System.out.println(count(s, frag.length()).getOrDefault(frag, 0) + "\t" + frag);
        }
    }

    static Map<String, Integer> count(String s, int k) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i + k <= s.length(); i++) m.merge(s.substring(i, i + k), 1, Integer::sum);
        return m;
    }
}
