package dev.uffdgc.agent;

import static net.bytebuddy.matcher.ElementMatchers.hasDescriptor;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.uffdgc.toyvm.seam.InstrumentationPoints;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * uffd-gc.jar's entry points. {@code -javaagent:uffd-gc.jar=options} calls {@link #premain}; an attach (or
 * Launcher-Agent-Class) calls {@link #agentmain}. Both install the same Advice-only transformation with
 * retransformation, so classes toyvm has already loaded are instrumented too, and set the options: a second
 * attach with other options swaps the collector from the next cycle on. The Advice goes on toyvm's documented
 * instrumentation points only ({@link InstrumentationPoints}); the collector is installed through the seam
 * ({@code Collection.installCollector}: at a safepoint), never by writing a toyvm field.
 */
public final class UffdGcAgent {
    private static volatile boolean installed;

    private UffdGcAgent() {
    }

    public static void premain(String args, Instrumentation inst) {
        AgentOptions o;
        try {
            o = AgentOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("uffd-gc: bad agent options: " + e.getMessage());
            System.err.print(AgentOptions.USAGE);
            System.exit(2);
            return;
        }
        start(o, inst);
    }

    /** Dynamic attach: a bad option fails the attach (the client reports it), never the running VM. */
    public static void agentmain(String args, Instrumentation inst) {
        start(AgentOptions.parse(args), inst);
    }

    private static synchronized void start(AgentOptions o, Instrumentation inst) {
        Hooks.configure(o);
        if (installed) {
            return;
        }
        installed = true;
        // Advice needs no class injection; "safe" mode keeps ByteBuddy away from sun.misc.Unsafe (and JDK 25's
        // warning). The property name follows the (possibly relocated) package.
        System.setProperty(AgentBuilder.class.getPackageName().replace(".agent.builder", "") + ".safe", "true");
        // Advice described from class files, never as loaded types: resolving a loaded type here would load the
        // very toyvm class being transformed (a duplicate definition).
        ClassFileLocator locator = ClassFileLocator.ForClassLoader.of(UffdGcAgent.class.getClassLoader());
        TypePool pool = TypePool.Default.of(locator);
        Advice started = Advice.to(pool.describe("dev.uffdgc.agent.Advices$VmStarted").resolve(), locator);
        Advice entry = Advice.to(pool.describe("dev.uffdgc.agent.Advices$CollectorEntry").resolve(), locator);
        Advice slowPath = Advice.to(pool.describe("dev.uffdgc.agent.Advices$SlowPath").resolve(), locator);
        // Only toyvm's documented instrumentation points (InstrumentationPoints: compile-time constants, so
        // naming them loads no toyvm class here), each matched by name and descriptor.
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.InjectionStrategy.Disabled.INSTANCE)
                .with(AgentBuilder.PoolStrategy.Default.FAST)
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .ignore(net.bytebuddy.matcher.ElementMatchers.not(
                        net.bytebuddy.matcher.ElementMatchers.nameStartsWith("dev.uffdgc.toyvm.")))
                .type(named(InstrumentationPoints.CLASS))
                .transform((b, type, loader, module, domain) -> b
                        .visit(started.on(named(InstrumentationPoints.VM_STARTED)
                                .and(hasDescriptor(InstrumentationPoints.VM_STARTED_DESCRIPTOR))))
                        .visit(entry.on(named(InstrumentationPoints.COLLECTOR_ENTRY)
                                .and(hasDescriptor(InstrumentationPoints.COLLECTOR_ENTRY_DESCRIPTOR)))))
                .type(named(InstrumentationPoints.ALLOCATION_SLOW_PATH_CLASS))
                .transform((b, type, loader, module, domain) -> b.visit(
                        slowPath.on(named(InstrumentationPoints.ALLOCATION_SLOW_PATH)
                                .and(hasDescriptor(InstrumentationPoints.ALLOCATION_SLOW_PATH_DESCRIPTOR)))))
                .installOn(inst);
    }
}
