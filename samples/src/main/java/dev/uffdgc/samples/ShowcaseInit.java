package dev.uffdgc.samples;

import static dev.uffdgc.samples.Showcase.say;

/**
 * Class initialisation order (JLS 12.4): a compile-time constant does not initialise its class, a static
 * method call does, a superclass and a superinterface with default methods are initialised before the class,
 * and an interface without default methods is not.
 */
final class ShowcaseInit {
    private ShowcaseInit() {}

    static int note(String what) {
        say("  init " + what);
        return what.length();
    }

    interface Plain {
        int PLAIN = note("Plain");
    }

    interface WithDefault {
        int DEFAULTED = note("WithDefault");

        default int defaulted() {
            return DEFAULTED;
        }
    }

    static class Base {
        static final int CONSTANT = 42;
        static int counter = note("Base");
    }

    static class Derived extends Base implements Plain, WithDefault {
        static int derived = note("Derived");

        static int twice() {
            return derived * 2;
        }
    }

    static class Lazy {
        static final Lazy INSTANCE = new Lazy();
        static int counted;
        static int reset = 0;

        Lazy() {
            note("Lazy instance");
            counted++;
            reset++;
        }
    }

    static void run() {
        say("class initialisation:");
        say("  constant " + Derived.CONSTANT);
        say("  twice " + Derived.twice());
        say("  default " + new Derived().defaulted());
        say("  Base.counter " + Base.counter);
        say("  plain " + Plain.PLAIN);
        // INSTANCE is built first; the explicit "reset = 0" initialiser then runs and wipes its increment.
        say("  lazy counted " + Lazy.counted + ", reset " + Lazy.reset + ", " + (Lazy.INSTANCE != null));
    }
}
