package dev.grove.architecture;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Requires;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks module descriptors against the rules of DESIGN §1 and returns every violation as one
 * sentence that starts with the module at fault and names the package or requirement. The
 * descriptors are all the modules that were found, Grove's and third parties': the third parties
 * matter for split packages and for what a Grove module reads through them.
 */
final class ModuleRules {

    private ModuleRules() {}

    /** Every violation, in a stable order; empty when the modules follow DESIGN §1. */
    static List<String> check(Collection<ModuleDescriptor> modules) {
        var byName = new TreeMap<String, ModuleDescriptor>();
        var violations = new ArrayList<String>();
        for (var module : modules) {
            if (byName.putIfAbsent(module.name(), module) != null && ModuleTable.isGrove(module.name())) {
                violations.add(module.name() + ": found more than once");
            }
        }
        checkAllModulesPresent(byName.keySet(), violations);
        for (var module : byName.values()) {
            if (ModuleTable.isGrove(module.name())) {
                checkRootPackage(module, violations);
                checkInternalPackagesClosed(module, violations);
            }
            // A module outside the table has no row to check against; it is reported once above.
            if (ModuleTable.MODULE_BY_FOLDER.containsValue(module.name())) {
                checkRequirements(module, violations);
            }
            if (ModuleTable.FAMILIES.contains(module.name())) {
                checkFamilyReads(module, byName, violations);
            }
        }
        checkSplitPackages(byName.values(), violations);
        return violations;
    }

    private static void checkAllModulesPresent(Set<String> found, List<String> violations) {
        new TreeMap<>(ModuleTable.MODULE_BY_FOLDER).forEach((folder, module) -> {
            if (!found.contains(module)) {
                violations.add(module + ": not found (DESIGN §1 says folder " + folder + " builds it)");
            }
        });
        for (var module : found) {
            if (ModuleTable.isGrove(module) && !ModuleTable.MODULE_BY_FOLDER.containsValue(module)) {
                violations.add(module + ": not in the module table of DESIGN §1");
            }
        }
    }

    private static void checkRootPackage(ModuleDescriptor module, List<String> violations) {
        var root = module.name();
        for (var pkg : new TreeSet<>(module.packages())) {
            if (!pkg.equals(root) && !pkg.startsWith(root + ".")) {
                violations.add(root + ": package " + pkg + " is outside the root package " + root
                        + " (module name = root package)");
            }
        }
    }

    private static void checkInternalPackagesClosed(ModuleDescriptor module, List<String> violations) {
        var name = module.name();
        for (var export : module.exports()) {
            if (!export.isQualified() && isInternal(export.source())) {
                violations.add(name + ": exports internal package " + export.source()
                        + " to everyone; use a qualified 'exports ... to'");
            }
        }
        for (var open : module.opens()) {
            if (!open.isQualified() && isInternal(open.source())) {
                violations.add(name + ": opens internal package " + open.source()
                        + " to everyone; use a qualified 'opens ... to'");
            }
        }
        if (module.isOpen()) {
            for (var pkg : new TreeSet<>(module.packages())) {
                if (isInternal(pkg)) {
                    violations.add(name + ": is an open module, so internal package " + pkg
                            + " is open to everyone");
                }
            }
        }
    }

    private static boolean isInternal(String pkg) {
        return Arrays.asList(pkg.split("\\.")).contains("internal");
    }

    private static void checkRequirements(ModuleDescriptor module, List<String> violations) {
        var name = module.name();
        var groveAllowed = ModuleTable.groveModulesAllowedFor(name);
        var librariesAllowed = ModuleTable.librariesAllowedFor(name);
        for (var requires : new TreeSet<>(module.requires())) {
            var target = requires.name();
            if (ModuleTable.FAMILIES.contains(name) && ModuleTable.RUNTIME_ONLY.contains(target)) {
                // checkFamilyReads reports it, together with the path it is read through.
                continue;
            }
            if (ModuleTable.isPlatform(target)) {
                // Incubator modules are not resolved by default; the module must run without them.
                if (target.startsWith("jdk.incubator.")
                        && !requires.modifiers().contains(Requires.Modifier.STATIC)) {
                    violations.add(name + ": requires incubator module " + target
                            + " without 'static'");
                }
            } else if (ModuleTable.isGrove(target) && !groveAllowed.contains(target)) {
                violations.add(name + ": requires " + target + ", which DESIGN §1 does not allow"
                        + " (allowed Grove modules: " + groveAllowed + ")");
            } else if (!ModuleTable.isGrove(target) && !librariesAllowed.contains(target)) {
                violations.add(name + ": requires " + target + ", which DESIGN §1 does not list"
                        + " (allowed libraries: " + librariesAllowed + ")");
            }
        }
    }

    /**
     * A module reads what it requires and, recursively, whatever those modules require
     * transitively. A plain {@code requires} further down is not followed: the module declaring it
     * is checked on its own.
     */
    private static void checkFamilyReads(
            ModuleDescriptor family, Map<String, ModuleDescriptor> byName, List<String> violations) {
        var seen = new HashSet<String>();
        var paths = new ArrayDeque<List<String>>();
        // Sorted, so that of two equally short paths the same one is always reported.
        new TreeSet<>(family.requires()).forEach(r -> paths.add(List.of(family.name(), r.name())));
        var reported = new TreeMap<String, String>();
        while (!paths.isEmpty()) {
            var path = paths.poll();
            var read = path.get(path.size() - 1);
            if (!seen.add(read)) {
                continue;
            }
            if (ModuleTable.RUNTIME_ONLY.contains(read)) {
                reported.put(read, String.join(" -> ", path));
                continue;
            }
            var descriptor = byName.get(read);
            if (descriptor == null) {
                continue;
            }
            for (var requires : new TreeSet<>(descriptor.requires())) {
                if (requires.modifiers().contains(Requires.Modifier.TRANSITIVE)) {
                    var longer = new ArrayList<>(path);
                    longer.add(requires.name());
                    paths.add(longer);
                }
            }
        }
        reported.forEach((read, path) -> violations.add(family.name() + ": reads " + read + " (" + path
                + "); a family module must not depend on the runtime, Guice, SnakeYAML or picocli"));
    }

    /** A package may live in one module only, be it Grove's or a library's. */
    private static void checkSplitPackages(Collection<ModuleDescriptor> modules, List<String> violations) {
        var owners = new TreeMap<String, SortedSet<String>>();
        for (var module : modules) {
            for (var pkg : module.packages()) {
                owners.computeIfAbsent(pkg, p -> new TreeSet<>()).add(module.name());
            }
        }
        owners.forEach((pkg, names) -> {
            var grove = names.stream().filter(ModuleTable::isGrove).toList();
            // A split between two libraries is not Grove's to fix.
            if (names.size() > 1 && !grove.isEmpty()) {
                violations.add(grove.get(0) + ": package " + pkg + " is split across modules " + names);
            }
        });
    }
}
