package dev.grove.tensor.internal.simd;

import java.lang.management.ManagementFactory;
import java.lang.management.PlatformManagedObject;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds out whether the running JVM compiles hot code with HotSpot's C2, which is what turns the
 * Vector API into SIMD instructions; under the interpreter or C1 it runs far slower than plain loops.
 *
 * <p>VM flags are read through {@code com.sun.management.HotSpotDiagnosticMXBean}, looked up
 * reflectively (as Lucene does) so this module needs only an optional {@code java.management}. When
 * the bean is unavailable the {@code java.vm.info} property still reveals {@code -Xint} and
 * {@code -XX:TieredStopAtLevel=1}.
 */
final class JitInspector {

    private static final String DIAGNOSTIC_BEAN = "com.sun.management.HotSpotDiagnosticMXBean";

    private JitInspector() {
    }

    /** Why C2 will not compile the vector code, or empty if it will. */
    static String whyNotC2() {
        String vmInfo = System.getProperty("java.vm.info", "");
        if (vmInfo.contains("interpreted mode")) {
            return "the JVM runs in interpreted mode (-Xint)";
        }
        if (vmInfo.contains("emulated-client")) {
            return "the C2 compiler is disabled (client emulation, e.g. -XX:TieredStopAtLevel=1)";
        }
        Function<String, Optional<String>> option = vmOptions();
        if (option.apply("UseCompiler").filter("false"::equals).isPresent()) {
            return "the JIT compiler is disabled (-XX:-UseCompiler)";
        }
        boolean tiered = option.apply("TieredCompilation").filter("false"::equals).isEmpty();
        Optional<String> stopLevel = option.apply("TieredStopAtLevel");
        if (tiered && stopLevel.isPresent() && Integer.parseInt(stopLevel.get()) < 4) {
            return "the C2 compiler is disabled (-XX:TieredStopAtLevel=" + stopLevel.get() + ")";
        }
        if (option.apply("UseJVMCICompiler").filter("true"::equals).isPresent()) {
            return "the JVMCI compiler does not intrinsify the incubating Vector API";
        }
        if (option.apply("UseFMA").filter("false"::equals).isPresent()) {
            return "the CPU or JVM does not provide fused multiply-add (UseFMA is off)";
        }
        return "";
    }

    /**
     * A lookup of HotSpot VM options by name; every answer is empty when the diagnostic bean is not
     * reachable (no java.management or jdk.management, or not HotSpot) or the option is unknown.
     */
    private static Function<String, Optional<String>> vmOptions() {
        if (ModuleLayer.boot().findModule("java.management").isEmpty()) {
            return name -> Optional.empty();
        }
        try {
            Class<? extends PlatformManagedObject> beanType =
                    Class.forName(DIAGNOSTIC_BEAN).asSubclass(PlatformManagedObject.class);
            Object bean = ManagementFactory.getPlatformMXBean(beanType);
            Method getVmOption = beanType.getMethod("getVMOption", String.class);
            return name -> {
                try {
                    Object vmOption = getVmOption.invoke(bean, name);
                    return Optional.of(String.valueOf(vmOption.getClass().getMethod("getValue").invoke(vmOption)));
                } catch (ReflectiveOperationException | RuntimeException unknownOption) {
                    return Optional.empty();
                }
            };
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notHotSpot) {
            return name -> Optional.empty();
        }
    }
}
