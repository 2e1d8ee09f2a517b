package dev.uffdgc.toyvm.interp;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.classfile.VmMethod;
import dev.uffdgc.toyvm.thread.VmThread;

/**
 * An invokeinterface (or invokevirtual of an interface default) call site with a polymorphic inline cache of up to
 * {@link #WAYS} (receiver class, target) pairs, both tiers. A site that sees more receiver classes becomes
 * megamorphic: it keeps its entries and looks the others up in the receiver class's dispatch cache, without
 * replacing an entry. The one-entry cache this replaces was refilled on every change of receiver class (a
 * dispatch-cache lookup and an allocation per call): two alternating classes cost 93 ns per call against 24 ns
 * for one (HotSpot -Xint: 21 and 18 ns; CPU time per call of a 20M-call loop, compiled, load ~7).
 */
public final class InterfaceSite {
    /** Receiver classes a site caches; more make it megamorphic. */
    static final int WAYS = 4;

    private final Vm vm;
    final String key;
    final int argSlots;

    /** One immutable (class, target) pair, so a racing reader never sees one class with another's target. */
    private record Entry(VmClass receiver, VmMethod target) {
    }

    /**
     * Copied on write and published whole (volatile: a plain load on x86), so a racing reader sees some complete
     * array of complete pairs; two threads missing at once may drop one's entry, which only costs a later miss.
     */
    private volatile Entry[] cache = new Entry[0];

    /**
     * Calls that missed the cache (each looks the target up in the class's dispatch cache). Racy and approximate
     * on purpose, like CompilerSupport.interpretedCalls; JitTest reads it to check that the cache holds.
     */
    public long misses;

    InterfaceSite(Vm vm, String key, int argSlots) {
        this.vm = vm;
        this.key = key;
        this.argSlots = argSlots;
    }

    VmMethod target(VmThread t, VmClass receiverClass) {
        Entry[] es = cache;
        for (Entry e : es) {
            if (e.receiver == receiverClass) {
                return e.target;
            }
        }
        return miss(t, receiverClass, es);
    }

    private VmMethod miss(VmThread t, VmClass receiverClass, Entry[] es) {
        misses++;
        VmMethod m = receiverClass.selectVirtual(key);
        if (m == null) {
            throw vm.throwing.raise(t, "java/lang/AbstractMethodError",
                    "Receiver class " + receiverClass.binaryName() + " does not define or inherit an implementation of "
                            + key);
        }
        if (es.length < WAYS) {
            Entry[] more = java.util.Arrays.copyOf(es, es.length + 1);
            more[es.length] = new Entry(receiverClass, m);
            cache = more;
        }
        return m;
    }
}
