/**
 * One thread asks for collections every few milliseconds while the main thread compiles a method (JitTest holds
 * that compile for 1.5 s through Jit.whileCompiling): the collections must not wait for the compile.
 */
public class CompileWhilePausing {
    public static void main(String[] args) throws InterruptedException {
        Thread gc = new Thread(() -> {
            for (int i = 0; i < 100; i++) {
                System.gc();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "gc-requester");
        gc.start();
        Thread.sleep(100);
        System.out.println("sum " + slowToCompile(1000));
        gc.join();
        System.out.println("done");
    }

    static int slowToCompile(int n) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += i;
        }
        return s;
    }
}
