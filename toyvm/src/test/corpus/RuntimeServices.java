import java.lang.invoke.MethodHandles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a library asks of the runtime in passing: the JDK version (a feature gate), a System.Logger taken in a static
 * initialiser (Caffeine does), the wall clock through Instant/Clock, package names (of arrays and primitives too)
 * and a package-private class found through a Lookup (Caffeine's generated cache factories).
 */
public class RuntimeServices {
    private static final System.Logger LOG = System.getLogger(RuntimeServices.class.getName());

    static final class Hidden {
    }

    public static void main(String[] args) throws Exception {
        Runtime.Version v = Runtime.version();
        System.out.println("feature >= 21: " + (v.feature() >= 21));
        System.out.println("version string matches property: " + v.toString().equals(System.getProperty("java.runtime.version")));
        System.out.println("newer than 17.0.2: " + (v.compareTo(Runtime.Version.parse("17.0.2")) > 0));
        System.out.println("parsed: " + Runtime.Version.parse("21.0.3+9-LTS").version() + " " + Runtime.Version.parse("21.0.3+9-LTS").build());

        System.out.println("logger " + LOG.getName());
        System.out.println("debug loggable: " + LOG.isLoggable(System.Logger.Level.DEBUG));
        System.out.println("error loggable: " + LOG.isLoggable(System.Logger.Level.ERROR));
        System.out.println("same name, same logger name: " + System.getLogger("a.b").getName());

        Instant start = Instant.now();
        Instant clock = Clock.systemUTC().instant();
        System.out.println("after 2020: " + start.isAfter(Instant.parse("2020-01-01T00:00:00Z")));
        System.out.println("clock not before start: " + !clock.isBefore(start));
        List<Instant> seen = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(Instant.now());
        }
        boolean monotonicEnough = true;
        for (int i = 1; i < seen.size(); i++) {
            monotonicEnough &= Duration.between(seen.get(i - 1), seen.get(i)).toSeconds() < 5;
        }
        System.out.println("1000 readings, none jumps: " + monotonicEnough);

        System.out.println("packages: [" + String[].class.getPackageName() + "] [" + int.class.getPackageName() + "] ["
                + int[][].class.getPackageName() + "] [" + RuntimeServices.class.getPackageName() + "] ["
                + List.class.getPackageName() + "]");
        System.out.println("interned: " + (java.util.Map.class.getPackageName() == List.class.getPackageName()));
        Class<?> found = MethodHandles.lookup().findClass(RuntimeServices.class.getName() + "$Hidden");
        System.out.println("lookup found " + found.getSimpleName() + " " + (found == Hidden.class));
    }
}
