package dev.uffdgc.toyvm;

import dev.uffdgc.toyvm.thread.VmThread;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import dev.uffdgc.toyvm.seam.InstrumentationPoints;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * toyvm's architecture, checked on its compiled main classes. The collector seam ({@code seam/}:
 * VmBinding's interfaces, Collector, GcLog, InstrumentationPoints) and what lies below it ({@code heap/}) know
 * nothing of the interpreter, runtime, threads or CLI; collectors ({@code gc/}, its toolkit) see the VM only
 * through the seam; only {@code binding/} implements the seam from the VM's internals (and {@code gc/synthetic/}
 * over a bare heap, the collectors' fast test tier).
 *
 * <p>Cycles between toyvm's top-level packages: the execution engine — the root package (Vm, VmOptions,
 * ExitStatus), classfile/, interp/, runtime/, thread/, binding/ and jit/ — is still one tangle (Vm builds and is
 * used by all of them; VmMethod holds interp's Code; interp and runtime call each other; thread's natives and
 * safepoints call the interpreter; Vm constructs ToyVmBinding, which reads the Vm; the compiler tier jit/ implements
 * interp's Compiler and runs guest frames through interp's CompilerSupport, and Vm installs it). It is treated as one slice,
 * {@link #ENGINE}, named here so that it cannot grow silently; between it and every other package (seam,
 * heap, gc, cli) the rule is no cycles at all. Inside the tangle, the files of a method and of the code that runs
 * on a thread no longer import each other in a circle (two rules below).
 */
@Timeout(120)
class ArchitectureTest {
    private static final String TOYVM = "dev.uffdgc.toyvm";
    /** The packages that still form one dependency cycle (see the class comment). */
    static final Set<String> ENGINE = Set.of("", "classfile", "interp", "runtime", "thread", "binding", "jit");
    private static final String[] JDK = {"java..", "javax.."};
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(TOYVM);
        assertTrue(main.contain(Vm.class) && main.contain(InstrumentationPoints.class), "toyvm's classes not imported");
    }

    private static String[] with(String[] base, String... more) {
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void theSeamDependsOnlyOnItselfTheHeapAndTheJdk() {
        ArchRule rule = classes().that().resideInAPackage(TOYVM + ".seam..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(with(JDK, TOYVM + ".seam..", TOYVM + ".heap.."))
                .because("the seam is what a collector may know of the VM: nothing of interp/, runtime/, thread/,"
                        + " cli/, classfile/, binding/ or the Vm");
        rule.check(main);
    }

    @Test
    void collectorsSeeTheVmOnlyThroughTheSeam() {
        ArchRule rule = classes().that().resideInAPackage(TOYVM + ".gc..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        with(JDK, TOYVM + ".gc..", TOYVM + ".seam..", TOYVM + ".heap..", "dev.uffdgc.kernel.."))
                .because("a collector (and the toolkit collectors share) talks to the VM through the seam only;"
                        + " the kernel bindings are below toyvm (page mapping)");
        rule.check(main);
    }

    @Test
    void theHeapDependsOnNothingAboveIt() {
        ArchRule rule = classes().that().resideInAPackage(TOYVM + ".heap..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(with(JDK, TOYVM + ".heap..", "dev.uffdgc.kernel..",
                        "jdk.internal.misc.."))
                .because("the seam and every collector build on heap/; a thread's TLAB is heap.Mutator, which"
                        + " thread.VmThread extends, so the allocator needs nothing of interp/ or thread/"
                        + " (jdk.internal.misc: HeapAccess's Unsafe, the one way C1 compiles an access to one load)");
        rule.check(main);
    }

    @Test
    void nothingButTheCliDependsOnTheCli() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage(TOYVM + ".cli..")
                .should().dependOnClassesThat().resideInAPackage(TOYVM + ".cli..")
                .because("exit statuses and size parsing live in the core (ExitStatus, VmOptions.parseSize)");
        rule.check(main);
    }

    @Test
    void onlyTheBindingImplementsTheSeamForToyvm() {
        ArchRule rule = classes().that().implement(dev.uffdgc.toyvm.seam.VmBinding.class)
                .should().resideInAnyPackage(TOYVM + ".binding..", TOYVM + ".gc.synthetic..")
                .because("ToyVmBinding is the seam from the VM's internals; the only other implementation is the"
                        + " synthetic heap (gc/synthetic: the seam over a bare heap, no VM), the fast collector test"
                        + " tier that the agent's tests use too");
        rule.check(main);
    }

    /**
     * A thread's execution state (its stacks and frames, and the signal of a guest throw) names nothing above
     * the heap: the code that runs on a thread (interp's Intrinsic and CompiledCode, which a VmMethod holds) takes
     * a VmThread, so a VmThread naming VmMethod (its frames) or interp's GuestException closed a circle of six
     * files (VmMethod, Code/CompiledCode/Intrinsic, GuestException, VmThread, Decoder). Frames record method ids.
     */
    @Test
    void aThreadsExecutionStateNamesNothingAboveTheHeap() {
        ArchRule rule = classes().that(belongToAnyOf(VmThread.class, dev.uffdgc.toyvm.thread.StackSegment.class,
                        dev.uffdgc.toyvm.thread.GuestException.class))
                .should().onlyDependOnClassesThat(resideInAnyPackage(with(JDK, TOYVM + ".heap.."))
                        .or(belongToAnyOf(VmThread.class, dev.uffdgc.toyvm.thread.StackSegment.class,
                                dev.uffdgc.toyvm.thread.GuestException.class)))
                .because("interp's Intrinsic and CompiledCode, which a VmMethod holds, take a VmThread: the thread's"
                        + " state naming the class model or the interpreter makes their files a circle");
        rule.check(main);
    }

    /**
     * The class model holds a method's executable forms (interp's Code, CompiledCode, Intrinsic) and nothing
     * else of interp/ (VmMethod took interp's Decoder.class as the lock of the classfile models: now
     * VmClass.MODEL_LOCK); those three name only the thread's state, the heap, the JDK and each other.
     */
    @Test
    void theClassModelNamesOnlyTheExecutableFormsOfInterp() {
        Class<?>[] forms = {dev.uffdgc.toyvm.interp.Code.class, dev.uffdgc.toyvm.interp.CompiledCode.class,
                dev.uffdgc.toyvm.interp.Intrinsic.class};
        classes().that().resideInAPackage(TOYVM + ".classfile..")
                .should().onlyDependOnClassesThat(resideInAPackage(TOYVM + ".interp..").negate().or(belongToAnyOf(forms)))
                .because("what the interpreter does with a method (decoding, resolution) is above the class model")
                .check(main);
        classes().that(belongToAnyOf(forms))
                .should().onlyDependOnClassesThat(resideInAnyPackage(with(JDK, TOYVM + ".heap..")).or(belongToAnyOf(forms))
                        .or(belongToAnyOf(VmThread.class)))
                .because("a method's executable forms are below the class model that holds them")
                .check(main);
    }

    /**
     * The classfile models' lock is VmClass.MODEL_LOCK. Decoder.class was that lock, taken in classfile/, runtime/
     * and jit/: code that still synchronised on Decoder.class would compile and take another lock than the
     * decoder's readers, a silent race on the models.
     */
    @Test
    void onlyTheInterpreterNamesTheDecoder() {
        noClasses().that().resideOutsideOfPackage(TOYVM + ".interp..")
                .should().dependOnClassesThat().belongToAnyOf(dev.uffdgc.toyvm.interp.Decoder.class)
                .because("the lock of the classfile models is VmClass.MODEL_LOCK, not Decoder.class")
                .check(main);
    }

    @Test
    void noCyclesBetweenTopLevelPackagesOutsideTheNamedEngineTangle() {
        SliceAssignment topLevel = new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String p = c.getPackageName();
                if (!p.equals(TOYVM) && !p.startsWith(TOYVM + ".")) {
                    return SliceIdentifier.ignore();
                }
                String rest = p.equals(TOYVM) ? "" : p.substring(TOYVM.length() + 1);
                String top = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
                return SliceIdentifier.of(ENGINE.contains(top) ? "engine" : top);
            }

            @Override
            public String getDescription() {
                return "toyvm's top-level packages, the engine " + ENGINE + " as one";
            }
        };
        SlicesRuleDefinition.slices().assignedFrom(topLevel).should().beFreeOfCycles().check(main);
    }

    /**
     * Every instrumentation point the seam names exists with the documented descriptor, public (static where it
     * is declared in the seam): the agent matches them by these names, so a rename must fail here.
     */
    @Test
    void everyNamedInstrumentationPointExists() throws Exception {
        record Point(String owner, String name, String descriptor, boolean isStatic) {
        }
        List<Point> points = List.of(
                new Point(InstrumentationPoints.CLASS, InstrumentationPoints.VM_STARTED,
                        InstrumentationPoints.VM_STARTED_DESCRIPTOR, true),
                new Point(InstrumentationPoints.CLASS, InstrumentationPoints.COLLECTOR_ENTRY,
                        InstrumentationPoints.COLLECTOR_ENTRY_DESCRIPTOR, true),
                new Point(InstrumentationPoints.ALLOCATION_SLOW_PATH_CLASS, InstrumentationPoints.ALLOCATION_SLOW_PATH,
                        InstrumentationPoints.ALLOCATION_SLOW_PATH_DESCRIPTOR, false));
        assertEquals(InstrumentationPoints.class.getName(), InstrumentationPoints.CLASS);
        for (Point p : points) {
            Class<?> owner = Class.forName(p.owner());
            List<Method> found = Arrays.stream(owner.getDeclaredMethods())
                    .filter(m -> m.getName().equals(p.name()) && MethodType.methodType(m.getReturnType(),
                            m.getParameterTypes()).toMethodDescriptorString().equals(p.descriptor()))
                    .toList();
            assertEquals(1, found.size(), "instrumentation point " + p + " not found (or overloaded)");
            int mod = found.get(0).getModifiers();
            assertTrue(Modifier.isPublic(mod) && Modifier.isStatic(mod) == p.isStatic(), p + ": wrong modifiers");
        }
    }
}
