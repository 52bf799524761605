package dev.grove.api.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RunContext#resolvePath}: the working directory, then the base directory, then the data
 * directory named by the grove.data system property (which wins over GROVE_DATA).
 */
class DataDirectoryTest {

    private String previous;

    @BeforeEach
    void rememberTheProperty() {
        previous = System.getProperty(RunContext.DATA_DIRECTORY_PROPERTY);
    }

    @AfterEach
    void restoreTheProperty() {
        if (previous == null) {
            System.clearProperty(RunContext.DATA_DIRECTORY_PROPERTY);
        } else {
            System.setProperty(RunContext.DATA_DIRECTORY_PROPERTY, previous);
        }
    }

    private static Path touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "x");
    }

    @Test
    void aFileFoundNowhereElseIsTakenFromTheDataDirectory(@TempDir Path base, @TempDir Path data) throws IOException {
        Path wanted = touch(data.resolve("images/cifar.bin"));
        System.setProperty(RunContext.DATA_DIRECTORY_PROPERTY, data.toString());
        RunContext context = RunContext.builder(1).baseDirectory(base).build();
        assertThat(RunContext.dataDirectory()).contains(data);
        assertThat(context.resolvePath("images/cifar.bin")).isEqualTo(wanted);
        assertThat(context.pathCandidates("images/cifar.bin"))
                .containsExactly(Path.of("images/cifar.bin"), base.resolve("images/cifar.bin"), wanted);
    }

    @Test
    void theBaseDirectoryComesBeforeTheDataDirectory(@TempDir Path base, @TempDir Path data) throws IOException {
        Path beside = touch(base.resolve("x.bin"));
        touch(data.resolve("x.bin"));
        System.setProperty(RunContext.DATA_DIRECTORY_PROPERTY, data.toString());
        assertThat(RunContext.builder(1).baseDirectory(base).build().resolvePath("x.bin")).isEqualTo(beside);
    }

    @Test
    void theWorkingDirectoryComesFirst(@TempDir Path data) throws IOException {
        // pom.xml exists in the module folder Surefire runs in.
        touch(data.resolve("pom.xml"));
        System.setProperty(RunContext.DATA_DIRECTORY_PROPERTY, data.toString());
        assertThat(RunContext.withSeed(1).resolvePath("pom.xml")).isEqualTo(Path.of("pom.xml"));
    }

    @Test
    void aMissingFileResolvesToThePathAsGivenAndAbsolutePathsAreNotSearched(@TempDir Path base, @TempDir Path data)
            throws IOException {
        System.setProperty(RunContext.DATA_DIRECTORY_PROPERTY, data.toString());
        RunContext context = RunContext.builder(1).baseDirectory(base).build();
        assertThat(context.resolvePath("missing.bin")).isEqualTo(Path.of("missing.bin"));
        Path absolute = base.resolve("elsewhere/missing.bin");
        touch(data.resolve(base.getRoot().relativize(absolute)));
        assertThat(context.resolvePath(absolute.toString())).isEqualTo(absolute);
        assertThat(context.pathCandidates(absolute.toString())).containsExactly(absolute);
    }

    @Test
    void aBlankPropertyIsUnset(@TempDir Path base) {
        System.setProperty(RunContext.DATA_DIRECTORY_PROPERTY, "  ");
        String variable = System.getenv(RunContext.DATA_DIRECTORY_VARIABLE);
        boolean variableSet = variable != null && !variable.isBlank();
        assertThat(RunContext.dataDirectory().isPresent()).isEqualTo(variableSet);
        assertThat(RunContext.builder(1).baseDirectory(base).build().pathCandidates("a.bin"))
                .hasSize(variableSet ? 3 : 2);
    }
}
