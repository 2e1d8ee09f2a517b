/** A thread that ends while the main thread waits for it (ThreadsTest requests a pause as it leaves the VM). */
public class ThreadLeaves {
    public static void main(String[] args) throws Exception {
        int[] box = new int[1];
        Thread t = new Thread(() -> box[0] = 42, "leaver");
        t.start();
        t.join();
        System.out.println("leaver wrote " + box[0] + ", alive " + t.isAlive());
    }
}
