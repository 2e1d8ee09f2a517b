package dev.uffdgc.toyvm;

import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's assertion switches, as HotSpot reads them: {@code -ea}/{@code -da} (also {@code -enableassertions},
 * {@code -disableassertions}) with no argument for every class that is not a system class, {@code :name...} for a
 * package and its subpackages ({@code :...} the unnamed package), {@code :name} for a class (and its nested classes,
 * as javac's assert reads its top-level class's status); {@code -esa}/{@code -dsa} for system classes (the JDK's).
 * The most specific switch wins (class, then the innermost package), the last one among equals, as
 * java.lang.ClassLoader documents for desiredAssertionStatus.
 */
public final class Assertions {
    private record Switch(String name, boolean isPackage, boolean enabled) { }

    private final List<Switch> switches = new ArrayList<>();
    private boolean all;
    private boolean system;

    /**
     * One switch of the command line; false if {@code flag} is not an assertion switch. {@code -ea:} with an empty
     * name is refused as HotSpot does not define it either.
     */
    public boolean parse(String flag) {
        if (flag.equals("-esa") || flag.equals("-enablesystemassertions")) {
            system = true;
            return true;
        }
        if (flag.equals("-dsa") || flag.equals("-disablesystemassertions")) {
            system = false;
            return true;
        }
        boolean enable;
        String rest;
        if (flag.startsWith("-ea") || flag.startsWith("-da")) {
            enable = flag.startsWith("-ea");
            rest = flag.substring(3);
        } else if (flag.startsWith("-enableassertions") || flag.startsWith("-disableassertions")) {
            enable = flag.startsWith("-enable");
            rest = flag.substring(enable ? 17 : 18);
        } else {
            return false;
        }
        if (rest.isEmpty()) {
            all = enable; // a package or class switch stays more specific, whatever the order
            return true;
        }
        if (!rest.startsWith(":") || rest.length() == 1) {
            return false;
        }
        String name = rest.substring(1);
        boolean isPackage = name.endsWith("...");
        switches.add(new Switch(isPackage ? name.substring(0, name.length() - 3) : name, isPackage, enable));
        return true;
    }

    /** Class.desiredAssertionStatus of the class {@code binaryName} (dots), a JDK class if {@code isSystem}. */
    public boolean desired(String binaryName, boolean isSystem) {
        String top = binaryName.contains("$") ? binaryName.substring(0, binaryName.indexOf('$')) : binaryName;
        Boolean found = null;
        for (Switch s : switches) {
            if (!s.isPackage && s.name.equals(top)) {
                found = s.enabled;
            }
        }
        if (found != null) {
            return found;
        }
        // The class's package and its enclosing ones; the unnamed package ("-ea:...") only for its own classes.
        String pkg = packageOf(top);
        do {
            found = packageSwitch(pkg);
            if (found != null) {
                return found;
            }
            pkg = packageOf(pkg);
        } while (!pkg.isEmpty());
        return isSystem ? system : all;
    }

    private Boolean packageSwitch(String pkg) {
        Boolean found = null;
        for (Switch s : switches) {
            if (s.isPackage && s.name.equals(pkg)) {
                found = s.enabled;
            }
        }
        return found;
    }

    private static String packageOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }
}
