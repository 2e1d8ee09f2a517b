package dev.uffdgc.agent;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import net.bytebuddy.asm.Advice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The agent reaches toyvm only through the collector seam: toyvm's {@code seam/}, {@code heap/} and
 * {@code gc/} packages, and ByteBuddy Advice on the instrumentation points toyvm names
 * ({@code dev.uffdgc.toyvm.seam.InstrumentationPoints}, whose existence toyvm's own ArchitectureTest checks).
 * The benchmarks ({@code bench/}: bench gc, the demo) start VMs, so they may also use toyvm's embedding API
 * (the root package: Vm, VmOptions) — still nothing of the interpreter, runtime, threads, class files, CLI or
 * binding.
 */
@Timeout(120)
class AgentArchitectureTest {
    private static final String TOYVM = "dev.uffdgc.toyvm";
    private static final String[] SEAM = {TOYVM + ".seam..", TOYVM + ".heap..", TOYVM + ".gc.."};
    private static JavaClasses agent;

    @BeforeAll
    static void importAgentClasses() {
        agent = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.uffdgc.agent");
        assertTrue(agent.contain(Hooks.class) && agent.contain(UffdGcAgent.class), "the agent's classes not imported");
    }

    @Test
    void theCollectorReachesToyvmOnlyThroughTheSeam() {
        classes().that().resideInAPackage("dev.uffdgc.agent..").and().resideOutsideOfPackage("dev.uffdgc.agent.bench..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(TOYVM + "..").or(resideInAnyPackage(SEAM)))
                .because("the agent is a collector: it knows the VM through toyvm's seam, heap and gc packages")
                .check(agent);
    }

    @Test
    void benchmarksAlsoUseOnlyToyvmsEmbeddingApi() {
        classes().that().resideInAPackage("dev.uffdgc.agent.bench..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(TOYVM + "..").or(resideInAnyPackage(SEAM))
                        .or(describe("toyvm's embedding API (Vm, VmOptions)",
                                c -> Set.of(TOYVM + ".Vm", TOYVM + ".VmOptions").contains(c.getName()))))
                .check(agent);
    }

    /** Advice reads what a point's parameters carry, never a toyvm field by its (private) name. */
    @Test
    void adviceNeverNamesAField() {
        classes().that().resideInAPackage("dev.uffdgc.agent..").should(notAnnotateParametersWithAFieldAdvice())
                .check(agent);
    }

    private static ArchCondition<com.tngtech.archunit.core.domain.JavaClass> notAnnotateParametersWithAFieldAdvice() {
        String field = Advice.class.getName() + "$Field";
        return new ArchCondition<>("not take a parameter annotated with Advice.Field*") {
            @Override
            public void check(com.tngtech.archunit.core.domain.JavaClass c, ConditionEvents events) {
                for (JavaMethod m : c.getMethods()) {
                    for (JavaParameter p : m.getParameters()) {
                        p.getAnnotations().stream().filter(a -> a.getRawType().getName().startsWith(field))
                                .forEach(a -> events.add(SimpleConditionEvent.violated(m, m.getFullName()
                                        + " reads a field by name with @" + a.getRawType().getSimpleName())));
                    }
                }
            }
        };
    }
}
