package dev.grove.architecture;

import java.io.File;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The modules on this JVM's class path, read with {@link ModuleFinder} as they would be read from
 * the module path: explicit modules by their compiled descriptor, other jars as automatic modules.
 * In a reactor build the Grove modules are {@code <folder>/target/classes} directories (or
 * {@code <folder>/target/*.jar} after {@code package}); built alone, this module gets their jars
 * from the local repository.
 */
final class ClassPathModules {

    private ClassPathModules() {}

    static List<ModuleReference> find() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(Path::of)
                .filter(ClassPathModules::isModule)
                .flatMap(entry -> ModuleFinder.of(entry).findAll().stream())
                .toList();
    }

    /**
     * The Maven folder, which is also the artifactId, that built a Grove module. Both
     * {@code ml-api/target/classes} and {@code ml-api/target/ml-api-0.1.0-SNAPSHOT.jar} in the
     * reactor, and {@code dev/grove/ml-api/0.1.0-SNAPSHOT/ml-api-0.1.0-SNAPSHOT.jar} in the local
     * repository, sit two levels below a directory named after it.
     */
    static String folderOf(ModuleReference module) {
        var location = Path.of(module.location().orElseThrow());
        return location.getParent().getParent().getFileName().toString();
    }

    /**
     * To {@link ModuleFinder} a directory without {@code module-info.class} is a folder of modules,
     * not a module; this project's own {@code target/test-classes} is such a directory.
     */
    private static boolean isModule(Path entry) {
        return Files.isRegularFile(entry)
                ? entry.getFileName().toString().endsWith(".jar")
                : Files.isRegularFile(entry.resolve("module-info.class"));
    }
}
