/** Calls a library native toyvm does not implement: it must fail loudly, naming the method. */
public class Unsupported {
    public static void main(String[] args) throws Exception {
        Object lock = new Object();
        try {
            synchronized (lock) {
                lock.wait(1);
            }
            System.out.println("waited");
        } catch (UnsatisfiedLinkError e) {
            System.out.println("caught: " + e.getMessage());
        }
        synchronized (lock) {
            lock.wait(1);
        }
    }
}
