package dev.grove.architecture;

import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleReference;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the compiled descriptors of the real Grove modules against DESIGN §1. */
class GroveModulesTest {

    private static final List<ModuleReference> ON_CLASS_PATH = ClassPathModules.find();

    @Test
    void descriptorsFollowTheModuleRules() {
        List<ModuleDescriptor> descriptors = ON_CLASS_PATH.stream().map(ModuleReference::descriptor).toList();

        var violations = ModuleRules.check(descriptors);

        assertThat(violations)
                .withFailMessage("%d DESIGN §1 violation(s):%n  %s",
                        violations.size(), String.join(System.lineSeparator() + "  ", violations))
                .isEmpty();
    }

    @Test
    void eachFolderBuildsTheModuleTheDesignNames() {
        var moduleByFolder = ON_CLASS_PATH.stream()
                .filter(module -> ModuleTable.isGrove(module.descriptor().name()))
                .collect(toMap(ClassPathModules::folderOf, module -> module.descriptor().name()));

        assertThat(moduleByFolder).isEqualTo(ModuleTable.MODULE_BY_FOLDER);
    }
}
