import java.util.Arrays;

/**
 * A thread writes a[0] while another sorts only a[1..n) through the host-twin native Arrays.sort(int[], int,
 * int): the sort reads and writes none of a[0], so every increment must survive. (A native's array argument
 * written back whole would put back a stale a[0] after each sort, losing the increments made meanwhile.)
 */
public class NativeArrayRace {
    static volatile boolean done;

    public static void main(String[] args) throws Exception {
        int increments = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int[] a = new int[1 << 16];
        for (int i = 1; i < a.length; i++) {
            a[i] = a.length - i;
        }
        Thread writer = new Thread(() -> {
            for (int i = 0; i < increments; i++) {
                a[0]++;
            }
            done = true;
        });
        writer.start();
        int sorts = 0;
        while (!done || sorts == 0) {
            Arrays.sort(a, 1, a.length);
            sorts++;
        }
        writer.join();
        System.out.println("a[0] = " + a[0] + " of " + increments + ", sorted " + (a[1] <= a[a.length - 1]));
    }
}
