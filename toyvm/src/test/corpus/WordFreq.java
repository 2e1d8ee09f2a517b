import java.io.*;
import java.util.*;

/** Word frequencies of stdin, the classic: BufferedReader over System.in, a HashMap, a sort by count. */
public class WordFreq {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        Map<String, Integer> counts = new HashMap<>();
        String line;
        int lines = 0;
        while ((line = in.readLine()) != null) {
            lines++;
            for (String w : line.toLowerCase().split("[^a-z']+")) {
                if (!w.isEmpty()) {
                    counts.merge(w, 1, Integer::sum);
                }
            }
        }
        List<Map.Entry<String, Integer>> e = new ArrayList<>(counts.entrySet());
        e.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        System.out.println(lines + " lines, " + counts.size() + " distinct words");
        for (int i = 0; i < Math.min(10, e.size()); i++) {
            System.out.printf("%3d %s%n", e.get(i).getValue(), e.get(i).getKey());
        }
    }
}
