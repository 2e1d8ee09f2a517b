import java.util.*;
import java.util.stream.*;
/** java.util collections and streams from the JDK (jrt:/), plus the guestlib Random and StringJoiner. */
public class Collections2 {
    public static void main(String[] args) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < 10; i++) list.add(i * i);
        System.out.println(list + " " + list.size() + " " + list.get(3) + " " + list.contains(49));
        Map<String, Integer> map = new HashMap<>();
        for (String w : "the quick brown fox jumps over the lazy dog the end".split(" ")) map.merge(w, 1, Integer::sum);
        System.out.println(new TreeMap<>(map));
        System.out.println(map.get("the") + " " + map.getOrDefault("cat", 0));
        Deque<Integer> dq = new ArrayDeque<>();
        dq.push(1); dq.addLast(2); dq.offerFirst(0);
        System.out.println(dq + " " + dq.pollLast());
        List<String> sorted = new ArrayList<>(map.keySet());
        Collections.sort(sorted);
        System.out.println(sorted);
        sorted.sort(Comparator.comparing(String::length).thenComparing(Comparator.reverseOrder()));
        System.out.println(sorted);
        Set<String> set = new LinkedHashSet<>(sorted);
        Iterator<String> it = set.iterator();
        it.next(); it.remove();
        System.out.println(set);
        PriorityQueue<Integer> pq = new PriorityQueue<>(List.of(5, 1, 4, 2));
        StringBuilder sb = new StringBuilder();
        while (!pq.isEmpty()) sb.append(pq.poll());
        System.out.println(sb);
        Random r = new Random(42);
        System.out.println(r.nextInt(100) + " " + r.nextInt(100) + " " + r.nextDouble());
        System.out.println(r.nextLong() + " " + r.nextBoolean() + " " + r.nextGaussian() + " " + r.nextInt(5, 10) + " " + r.nextFloat());
        List<Integer> shuffled = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6));
        Collections.shuffle(shuffled, new Random(7));
        System.out.println(shuffled);
        Optional<String> o = Optional.of("x").map(s -> s + "y");
        System.out.println(o.orElse("none") + " " + Optional.empty().isPresent());
        StringJoiner sj = new StringJoiner(", ", "{", "}");
        sj.add("a").add("b");
        System.out.println(sj);
        List<Integer> l = new LinkedList<>(List.of(3, 1, 2));
        l.add(0, 9);
        System.out.println(l + " " + Collections.max(l) + " " + Collections.min(l));
        Map<Integer, String> hm = new HashMap<>();
        for (int i = 0; i < 20; i++) hm.put(i * 37 % 23, "v" + i);
        for (Map.Entry<Integer, String> e : hm.entrySet()) System.out.print(e.getKey() + "=" + e.getValue() + " ");
        System.out.println();
        System.out.println(IntStream.range(0, 10).map(i -> i * i).sum());
        System.out.println(Stream.of("b", "a", "c").sorted().collect(Collectors.joining("|")));
        System.out.println(List.of(1, 2, 3, 4).stream().filter(i -> i % 2 == 0).map(i -> i * 10).collect(Collectors.toList()));
    }
}
