import java.util.*;

/** Shortest paths on a seeded random graph with a PriorityQueue, then the path to the farthest node. */
public class Dijkstra {
    record Edge(int to, int weight) { }
    record Entry(int node, long dist) implements Comparable<Entry> {
        public int compareTo(Entry o) { return dist != o.dist ? Long.compare(dist, o.dist) : Integer.compare(node, o.node); }
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        Random rnd = new Random(42);
        List<List<Edge>> adj = new ArrayList<>();
        for (int i = 0; i < n; i++) adj.add(new ArrayList<>());
        for (int i = 0; i < n * 4; i++) {
            int a = rnd.nextInt(n), b = rnd.nextInt(n);
            int w = 1 + rnd.nextInt(100);
            adj.get(a).add(new Edge(b, w));
            adj.get(b).add(new Edge(a, w));
        }
        long[] dist = new long[n];
        int[] prev = new int[n];
        Arrays.fill(dist, Long.MAX_VALUE);
        Arrays.fill(prev, -1);
        dist[0] = 0;
        PriorityQueue<Entry> pq = new PriorityQueue<>();
        pq.add(new Entry(0, 0));
        int settled = 0;
        while (!pq.isEmpty()) {
            Entry e = pq.poll();
            if (e.dist() > dist[e.node()]) continue;
            settled++;
            for (Edge edge : adj.get(e.node())) {
                long nd = e.dist() + edge.weight();
                if (nd < dist[edge.to()]) {
                    dist[edge.to()] = nd;
                    prev[edge.to()] = e.node();
                    pq.add(new Entry(edge.to(), nd));
                }
            }
        }
        int far = 0;
        long reachable = 0, total = 0;
        for (int i = 0; i < n; i++) {
            if (dist[i] == Long.MAX_VALUE) continue;
            reachable++;
            total += dist[i];
            if (dist[i] > dist[far]) far = i;
        }
        Deque<Integer> path = new ArrayDeque<>();
        for (int v = far; v != -1; v = prev[v]) path.push(v);
        System.out.printf("settled %d, reachable %d, mean distance %.2f%n", settled, reachable, (double) total / reachable);
        System.out.println("farthest " + far + " at " + dist[far] + " via " + path);
        TreeMap<Long, Integer> histogram = new TreeMap<>();
        for (long d : dist) if (d != Long.MAX_VALUE) histogram.merge(d / 50 * 50, 1, Integer::sum);
        histogram.forEach((k, v) -> System.out.printf("%4d-%-4d %s%n", k, k + 49, "#".repeat(Math.max(1, v / 4))));
    }
}
