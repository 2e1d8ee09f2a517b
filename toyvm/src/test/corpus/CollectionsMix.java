import java.util.*;

/** The collections a stranger's program reaches for: lists, deques, priority queues, navigable maps, LRU maps. */
public class CollectionsMix {
    public static void main(String[] args) {
        List<Integer> list = new ArrayList<>(List.of(5, 3, 8, 1, 9, 2));
        list.removeIf(x -> x % 2 == 0);
        list.replaceAll(x -> x * 10);
        Collections.reverse(list);
        System.out.println(list + " " + Collections.max(list) + " " + list.indexOf(30) + " " + list.subList(1, 3));
        LinkedList<String> ll = new LinkedList<>(List.of("b", "c"));
        ll.addFirst("a");
        ll.addLast("d");
        ListIterator<String> it = ll.listIterator();
        while (it.hasNext()) if (it.next().equals("c")) it.set("C");
        System.out.println(ll + " " + ll.peekFirst() + ll.pollLast());
        Deque<Integer> stack = new ArrayDeque<>();
        for (int i = 0; i < 5; i++) stack.push(i);
        System.out.println(stack.pop() + " " + stack + " " + stack.peekLast());
        PriorityQueue<String> pq = new PriorityQueue<>(Comparator.comparing(String::length).thenComparing(Comparator.reverseOrder()));
        pq.addAll(List.of("pear", "fig", "banana", "kiwi", "apple"));
        StringBuilder order = new StringBuilder();
        while (!pq.isEmpty()) order.append(pq.poll()).append(' ');
        System.out.println(order);
        TreeMap<Integer, String> tm = new TreeMap<>();
        for (int i = 0; i < 10; i += 2) tm.put(i, "v" + i);
        System.out.println(tm.floorKey(5) + " " + tm.ceilingEntry(5) + " " + tm.headMap(4) + " " + tm.tailMap(6, false) + " " + tm.descendingMap());
        Map<String, Integer> lru = new LinkedHashMap<>(16, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<String, Integer> e) { return size() > 3; }
        };
        for (String k : List.of("a", "b", "c", "a", "d", "e")) lru.put(k, lru.getOrDefault(k, 0) + 1);
        System.out.println(lru);
        TreeSet<String> ts = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        ts.addAll(List.of("b", "A", "c", "B"));
        System.out.println(ts + " " + ts.first() + " " + ts.higher("a"));
        Map<String, List<Integer>> multi = new TreeMap<>();
        for (int i = 0; i < 10; i++) multi.computeIfAbsent(i % 3 == 0 ? "three" : "other", k -> new ArrayList<>()).add(i);
        System.out.println(multi);
        int[] arr = {5, 2, 9, 1};
        Arrays.sort(arr);
        Integer[] boxed = {5, 2, 9, 1};
        Arrays.sort(boxed, Collections.reverseOrder());
        System.out.println(Arrays.toString(arr) + " " + Arrays.binarySearch(arr, 5) + " " + Arrays.toString(boxed)
                + " " + Arrays.asList(boxed).contains(9) + " " + List.copyOf(Set.of(1)) + " " + Collections.nCopies(3, "x"));
        BitSet bits = new BitSet();
        for (int i = 2; i < 50; i++) bits.set(i);
        for (int i = 2; i * i < 50; i++) if (bits.get(i)) for (int j = i * i; j < 50; j += i) bits.clear(j);
        System.out.println(bits + " " + bits.cardinality());
        Iterator<Integer> iter = List.of(1).iterator();
        iter.next();
        try { iter.next(); } catch (NoSuchElementException e) { System.out.println("NSEE"); }
        try { List.of(1).add(2); } catch (UnsupportedOperationException e) { System.out.println("UOE"); }
    }
}
