package dev.uffdgc.agent;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * uffd-gc.jar's entry points. {@code -javaagent:uffd-gc.jar=options} calls {@link #premain}; an attach (or
 * Launcher-Agent-Class) calls {@link #agentmain}. Both install the same Advice-only transformation with
 * retransformation, so classes toyvm has already loaded are instrumented too, and set the options: a second
 * attach with other options swaps the collector from the next cycle on.
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
        Advice collect = Advice.to(pool.describe("dev.uffdgc.agent.Advices$Collect").resolve(), locator);
        Advice slowPath = Advice.to(pool.describe("dev.uffdgc.agent.Advices$SlowPath").resolve(), locator);
        Advice created = Advice.to(pool.describe("dev.uffdgc.agent.Advices$BindingCreated").resolve(), locator);
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.InjectionStrategy.Disabled.INSTANCE)
                .with(AgentBuilder.PoolStrategy.Default.FAST)
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .ignore(net.bytebuddy.matcher.ElementMatchers.not(
                        net.bytebuddy.matcher.ElementMatchers.nameStartsWith("dev.uffdgc.toyvm.")))
                .type(named("dev.uffdgc.toyvm.gc.MarkCompact"))
                .transform((b, type, loader, module, domain) -> b.visit(
                        collect.on(named("collect").and(takesArguments(2)))))
                .type(named("dev.uffdgc.toyvm.heap.Heap"))
                .transform((b, type, loader, module, domain) -> b.visit(
                        slowPath.on(named("onSlowPath"))))
                .type(named("dev.uffdgc.toyvm.binding.ToyVmBinding"))
                .transform((b, type, loader, module, domain) -> b.visit(
                        created.on(isConstructor())))
                .installOn(inst);
    }
}
