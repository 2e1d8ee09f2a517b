import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;

/** A sorted concurrent index (ConcurrentSkipListMap/Set): range views, floor/ceiling, polling. */
public class SkipListIndex {
    public static void main(String[] args) {
        ConcurrentSkipListMap<String, Integer> index = new ConcurrentSkipListMap<>();
        String text = "the quick brown fox jumps over the lazy dog then the fox naps";
        for (String w : text.split(" ")) {
            index.merge(w, 1, Integer::sum);
        }
        System.out.println(index);
        System.out.println(index.headMap("l") + " " + index.ceilingKey("m") + " " + index.floorEntry("p")
                + " " + index.descendingMap().firstKey() + " " + index.pollFirstEntry());
        ConcurrentSkipListSet<Integer> set = new ConcurrentSkipListSet<>();
        for (int i = 0; i < 20; i++) {
            set.add((i * 37) % 23);
        }
        System.out.println(set + " " + set.subSet(5, 12) + " " + set.pollLast());
    }
}
