package dev.grove.tensor.kernel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * Chooses the {@link Kernels} all tensors use. The choice is made once, on first use:
 * {@code -Dgrove.kernels=NAME} (or the environment variable {@code GROVE_KERNELS}) forces a provider
 * and fails loudly if it cannot run; otherwise ({@code auto}) the supported provider with the
 * highest priority whose kernels pass a self-check against the plain-Java reference is chosen.
 */
public final class KernelSelector {

    /** The system property that forces a kernel implementation. */
    public static final String PROPERTY = "grove.kernels";

    private static volatile Kernels active;

    private KernelSelector() {
    }

    /** The kernels in use, chosen on first call. */
    public static Kernels active() {
        Kernels k = active;
        if (k == null) {
            synchronized (KernelSelector.class) {
                k = active;
                if (k == null) {
                    k = select(requestedName());
                    active = k;
                }
            }
        }
        return k;
    }

    /** Names of all providers found, with whether each is supported here. */
    public static List<String> describeProviders() {
        List<String> lines = new ArrayList<>();
        for (KernelProvider p : providers()) {
            lines.add(p.name() + (p.isSupported() ? " (supported)" : " (unsupported: " + p.unsupportedReason() + ")"));
        }
        return lines;
    }

    static Kernels select(String requested) {
        List<KernelProvider> providers = providers();
        if (!requested.equals("auto")) {
            for (KernelProvider p : providers) {
                if (p.name().equals(requested)) {
                    if (!p.isSupported()) {
                        throw new IllegalStateException("kernels '" + requested + "' were forced with -D"
                                + PROPERTY + " but cannot run here: " + p.unsupportedReason());
                    }
                    Kernels kernels = p.create();
                    String failure = KernelSelfCheck.check(kernels);
                    if (failure != null) {
                        throw new IllegalStateException("kernels '" + requested + "' failed their self-check: " + failure);
                    }
                    return kernels;
                }
            }
            throw new IllegalStateException("no kernels named '" + requested + "' (from -D" + PROPERTY
                    + "); available: " + providers.stream().map(KernelProvider::name).toList() + " or auto");
        }
        providers.sort(Comparator.comparingInt(KernelProvider::priority).reversed());
        for (KernelProvider p : providers) {
            if (p.isSupported()) {
                Kernels kernels = p.create();
                if (KernelSelfCheck.check(kernels) == null) {
                    return kernels;
                }
            }
        }
        throw new IllegalStateException("no usable tensor kernels found on the module path");
    }

    private static List<KernelProvider> providers() {
        List<KernelProvider> found = new ArrayList<>();
        ServiceLoader.load(KernelProvider.class, KernelProvider.class.getClassLoader()).forEach(found::add);
        return found;
    }

    private static String requestedName() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv("GROVE_KERNELS");
        }
        return value == null || value.isBlank() ? "auto" : value.trim().toLowerCase(Locale.ROOT);
    }
}
