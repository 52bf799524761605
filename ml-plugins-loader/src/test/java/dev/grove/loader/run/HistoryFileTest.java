package dev.grove.loader.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** history.csv: the union of every row's figures as columns, and a resumed run continuing the file. */
class HistoryFileTest {

    @TempDir
    Path dir;

    private static Map<String, Double> values(Object... keysAndValues) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (Double) keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void rowsWithDifferentFiguresShareTheUnionOfColumnsWithEmptyCells() throws IOException {
        Path file = dir.resolve("history.csv");
        HistoryFile history = new HistoryFile(file, false);
        history.record("fit", 1, values("train/loss", 0.5));
        history.record("fit", 2, values("train/loss", 0.25, "val/loss", 0.75));
        history.record("", 1, values("inertia", 3.0));

        history.write();

        assertThat(Files.readAllLines(file)).containsExactly(
                "scope,step,train/loss,val/loss,inertia",
                "fit,1,0.5,,",
                "fit,2,0.25,0.75,",
                "-,1,,,3.0");
    }

    @Test
    void aResumedRunKeepsTheRowsBeforeItsFirstStepOfEachScopeAndRedoesTheRest() throws IOException {
        Path file = dir.resolve("history.csv");
        Files.writeString(file, String.join("\n",
                "scope,step,train/loss,val/loss",
                "fit,1,0.9,",
                "fit,2,0.8,0.85",
                "fit,3,0.7,",
                "fit,4,0.6,0.65",
                "cv-fold-1,1,0.4,",
                ""));
        HistoryFile history = new HistoryFile(file, true);
        history.record("fit", 3, values("train/loss", 0.71, "grad-norm", 2.0));
        history.record("fit", 4, values("train/loss", 0.61));

        history.write();

        assertThat(Files.readAllLines(file)).containsExactly(
                "scope,step,train/loss,val/loss,grad-norm",
                "fit,1,0.9,,",
                "fit,2,0.8,0.85,",
                "cv-fold-1,1,0.4,,",
                "fit,3,0.71,,2.0",
                "fit,4,0.61,,");
    }

    @Test
    void aNewRunReplacesAnyOldFileAndADamagedOneCannotBeContinued() throws IOException {
        Path file = dir.resolve("history.csv");
        Files.writeString(file, "scope,step,loss\nfit,1,0.5\n");
        HistoryFile fresh = new HistoryFile(file, false);
        fresh.write();
        assertThat(Files.readAllLines(file)).containsExactly("scope,step");

        Files.writeString(file, "scope,step,loss\nfit,1,0.5\nfit,two,0.4\n");
        assertThatThrownBy(() -> new HistoryFile(file, true)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(file + " line 3 holds something that is not a number");
    }
}
