/** Fills the heap until OutOfMemoryError, catches it, drops the garbage and carries on. */
public class OomCatch {
    static final class Cell {
        final Cell next;
        final long[] payload;

        Cell(Cell next, int size) {
            this.next = next;
            this.payload = new long[size];
        }
    }

    public static void main(String[] args) {
        Cell head = null;
        int cells = 0;
        try {
            while (true) {
                head = new Cell(head, 1000);
                cells++;
            }
        } catch (OutOfMemoryError e) {
            head = null;
            System.out.println("caught " + e.getClass().getName() + ": " + e.getMessage() + " after many cells: " + (cells > 100));
        }
        long sum = 0;
        for (int i = 0; i < 1000; i++) {
            long[] a = new long[1000];
            a[i] = i;
            sum += a[i];
        }
        System.out.println("recovered " + sum);
        try {
            int[] huge = new int[Integer.MAX_VALUE - 8];
            System.out.println(huge.length);
        } catch (OutOfMemoryError e) {
            System.out.println("huge array refused");
        }
    }
}
