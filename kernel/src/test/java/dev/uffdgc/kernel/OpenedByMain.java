package dev.uffdgc.kernel;

/** Child-process entry for {@link UnprivilegedOpenTest}: prints how this process got its userfaultfd. */
public final class OpenedByMain {
    private OpenedByMain() {
    }

    public static void main(String[] args) {
        try (Uffd uffd = Uffd.open()) {
            uffd.api(0);
            System.out.println("openedBy=" + uffd.openedBy());
        } catch (KernelException e) {
            System.out.println("failed=" + e.getMessage());
        }
    }
}
