package dev.grove.api.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.LoadedData;
import dev.grove.api.run.RunContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The csv source on the real iris and diabetes files and on small files written for each case. */
class CsvSourceTest {

    private static final RunContext CONTEXT = RunContext.withSeed(7);

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static Dataset load(CsvParams params) {
        return new CsvSource(params).load(CONTEXT).data();
    }

    @Test
    void irisLoadsAsThreeClassClassification() {
        Dataset iris = load(CsvParams.of("../datasets/iris.csv", "species"));
        assertThat(iris.rows()).isEqualTo(150);
        assertThat(iris.featureCount()).isEqualTo(4);
        assertThat(iris.schema().featureNames())
                .containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width");
        assertThat(iris.schema().targetName()).isEqualTo("species");
        assertThat(iris.schema().classLabels()).containsExactly("setosa", "versicolor", "virginica");
        // First data line: 5.1,3.5,1.4,0.2,setosa; last: 5.9,3,5.1,1.8,virginica.
        assertThat(iris.row(0, new double[4])).containsExactly(5.1, 3.5, 1.4, 0.2);
        assertThat(iris.label(0)).isZero();
        assertThat(iris.row(149, new double[4])).containsExactly(5.9, 3.0, 5.1, 1.8);
        assertThat(iris.label(149)).isEqualTo(2);
        int[] perClass = new int[3];
        for (int label : iris.labels()) {
            perClass[label]++;
        }
        assertThat(perClass).containsExactly(50, 50, 50);
    }

    @Test
    void diabetesTargetWithManyDistinctValuesIsRegression() {
        Dataset diabetes = load(CsvParams.of("../datasets/diabetes.csv", "progression"));
        assertThat(diabetes.rows()).isEqualTo(442);
        assertThat(diabetes.featureCount()).isEqualTo(10);
        assertThat(diabetes.schema().isClassification()).isFalse();
        // First data line: 59,2,32.1,101,157,93.2,38,4,4.8598,87,151.0.
        assertThat(diabetes.target(0)).isEqualTo(151.0);
        assertThat(diabetes.feature(0, 8)).isEqualTo(4.8598);
    }

    @Test
    void autoTaskRuleOnIntegerAndFractionalTargets() throws IOException {
        StringBuilder fewIntegers = new StringBuilder("x,y\n");
        StringBuilder manyIntegers = new StringBuilder("x,y\n");
        for (int i = 0; i < 21; i++) {
            fewIntegers.append(i).append(',').append(i % 20).append('\n');
            manyIntegers.append(i).append(',').append(i).append('\n');
        }
        Dataset twenty = load(CsvParams.of(write("twenty.csv", fewIntegers.toString()).toString(), "y"));
        assertThat(twenty.schema().classLabels()).hasSize(20);
        Dataset twentyOne = load(CsvParams.of(write("twentyone.csv", manyIntegers.toString()).toString(), "y"));
        assertThat(twentyOne.schema().isClassification()).isFalse();
        Dataset fractional = load(CsvParams.of(write("frac.csv", "x,y\n1,0.5\n2,1.5\n").toString(), "y"));
        assertThat(fractional.schema().isClassification()).isFalse();
        Dataset forced = load(CsvParams.of(write("forced.csv", "x,y\n1,0.5\n2,1.5\n").toString(), "y")
                .withTask("classification"));
        assertThat(forced.schema().classLabels()).containsExactly("0.5", "1.5");
        Dataset forcedRegression = load(CsvParams.of(write("binary.csv", "x,y\n1,0\n2,1\n").toString(), "y")
                .withTask("regression"));
        assertThat(forcedRegression.schema().isClassification()).isFalse();
        assertThat(forcedRegression.targets()).containsExactly(0.0, 1.0);
    }

    @Test
    void numericLabelsSortNumericallyAndTextLabelsLexicographically() throws IOException {
        Dataset numeric = load(CsvParams.of(write("n.csv", "x,y\n1,10\n2,9\n3,-1\n4,9.0\n").toString(), "y"));
        assertThat(numeric.schema().classLabels()).containsExactly("-1", "9", "10");
        assertThat(numeric.targets()).containsExactly(2.0, 1.0, 0.0, 1.0);
        Dataset text = load(CsvParams.of(write("t.csv", "x,y\n1,b\n2,B\n3,a\n4,10\n5,9\n").toString(), "y"));
        assertThat(text.schema().classLabels()).containsExactly("10", "9", "B", "a", "b");
        assertThat(text.targets()).containsExactly(4.0, 2.0, 3.0, 0.0, 1.0);
    }

    @Test
    void quotedFieldsMayHoldDelimitersQuotesAndLineBreaks() throws IOException {
        String csv = "\"size, cm\",\"label\"\r\n"
                + "1.5,\"big, \"\"red\"\" one\"\r\n"
                + "2.5,\"two\nlines\"\r\n"
                + "\"3\",plain\r\n";
        Dataset d = load(CsvParams.of(write("quoted.csv", csv).toString(), "label"));
        assertThat(d.schema().featureNames()).containsExactly("size, cm");
        assertThat(d.schema().classLabels()).containsExactly("big, \"red\" one", "plain", "two\nlines");
        assertThat(d.targets()).containsExactly(0.0, 2.0, 1.0);
        assertThat(d.featureMatrix()).containsExactly(1.5, 2.5, 3.0);
    }

    @Test
    void lineNumbersCountLinesInsideQuotedFields() throws IOException {
        Path file = write("lines.csv", "a,b\n\"multi\nline\",1\nx,2\n");
        // Record 2 starts on line 4 because record 1's quoted field spans lines 2–3.
        assertThatThrownBy(() -> load(CsvParams.of(file.toString(), null).withFeatures(List.of("b", "a"))))
                .hasMessageContaining("line 2, column 'a'").hasMessageContaining("'multi\nline' is not a number");
        assertThatThrownBy(() -> load(CsvParams.of(file.toString(), "b").withFeatures(List.of("a"))))
                .hasMessageContaining("line 2");
        Path second = write("lines2.csv", "a,b\n1,\"two\nlines\"\nx,2\n");
        assertThatThrownBy(() -> load(CsvParams.of(second.toString(), "b")))
                .hasMessageContaining(second.toString()).hasMessageContaining("line 4, column 'a'");
    }

    @Test
    void unlabelledDataSelectedFeaturesAndOtherDelimiters() throws IOException {
        Path file = write("semi.csv", "a;b;c\n1;2;3\n4;5;6\n");
        Dataset all = load(CsvParams.of(file.toString(), null).withDelimiter(";"));
        assertThat(all.hasTargets()).isFalse();
        assertThat(all.schema().hasTarget()).isFalse();
        assertThat(all.schema().featureNames()).containsExactly("a", "b", "c");
        Dataset picked = load(CsvParams.of(file.toString(), "b").withDelimiter(";").withFeatures(List.of("c", "a")));
        assertThat(picked.schema().featureNames()).containsExactly("c", "a");
        assertThat(picked.featureMatrix()).containsExactly(3, 1, 6, 4);
        assertThat(picked.schema().classLabels()).containsExactly("2", "5");
    }

    @Test
    void trainTestPairSharesClassLabels() throws IOException {
        Path train = write("train.csv", "x,label\n1,cat\n2,ant\n");
        Path test = write("test.csv", "label,x\ndog,3\ncat,4\n");
        LoadedData loaded = new CsvSource(CsvParams.trainTest(train.toString(), test.toString(), "label")).load(CONTEXT);
        assertThat(loaded.hasFixedTest()).isTrue();
        assertThat(loaded.data().schema().classLabels()).containsExactly("ant", "cat", "dog");
        assertThat(loaded.test().schema().classLabels()).containsExactly("ant", "cat", "dog");
        assertThat(loaded.data().targets()).containsExactly(1.0, 0.0);
        assertThat(loaded.test().targets()).containsExactly(2.0, 1.0);
        assertThat(loaded.test().featureMatrix()).containsExactly(3.0, 4.0);
    }

    @Test
    void relativePathsResolveAgainstTheBaseDirectory() throws IOException {
        write("beside.csv", "x,y\n1,a\n");
        RunContext context = RunContext.builder(1).baseDirectory(dir).build();
        Dataset d = new CsvSource(CsvParams.of("beside.csv", "y")).load(context).data();
        assertThat(d.rows()).isEqualTo(1);
    }

    @Test
    void missingCellsAreErrorsUnlessMissingIsNan() throws IOException {
        Path file = write("gaps.csv", "a,b,y\n1,2,p\n3,,q\n");
        assertThatThrownBy(() -> load(CsvParams.of(file.toString(), "y")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("line 3").hasMessageContaining("column 'b'")
                .hasMessageContaining("missing: nan");
        Dataset d = load(CsvParams.of(file.toString(), "y").withMissing("nan"));
        assertThat(d.feature(1, 1)).isNaN();
        assertThat(d.feature(1, 0)).isEqualTo(3.0);
        Path emptyTarget = write("notarget.csv", "a,y\n1,p\n2, \n");
        assertThatThrownBy(() -> load(CsvParams.of(emptyTarget.toString(), "y").withMissing("nan")))
                .hasMessageContaining("line 3").hasMessageContaining("column 'y'").hasMessageContaining("target is empty");
    }

    @Test
    void nonNumericFeatureNamesFileLineAndColumn() throws IOException {
        Path file = write("bad.csv", "a,b,y\n1,2,p\n\n3,4x,q\n");
        // The blank line 3 is skipped but still counted.
        assertThatThrownBy(() -> load(CsvParams.of(file.toString(), "y")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("line 4").hasMessageContaining("column 'b'")
                .hasMessageContaining("'4x' is not a number");
        Path nan = write("nan.csv", "a,y\nNaN,p\n");
        assertThatThrownBy(() -> load(CsvParams.of(nan.toString(), "y"))).hasMessageContaining("'NaN' is not a number");
    }

    @Test
    void nonNumericTargetIsAnErrorForRegression() throws IOException {
        Path file = write("reg.csv", "a,y\n1,2.5\n2,high\n");
        assertThatThrownBy(() -> load(CsvParams.of(file.toString(), "y").withTask("regression")))
                .hasMessageContaining(file.toString()).hasMessageContaining("line 3").hasMessageContaining("column 'y'")
                .hasMessageContaining("'high' is not a number");
    }

    @Test
    void raggedRowsNameTheMissingOrExtraColumn() throws IOException {
        Path shortRow = write("short.csv", "a,b,y\n1,2,p\n3,4\n");
        assertThatThrownBy(() -> load(CsvParams.of(shortRow.toString(), "y")))
                .hasMessageContaining(shortRow.toString()).hasMessageContaining("line 3").hasMessageContaining("column 'y'")
                .hasMessageContaining("2 values but the header names 3 columns");
        Path longRow = write("long.csv", "a,b,y\n1,2,p,9\n");
        assertThatThrownBy(() -> load(CsvParams.of(longRow.toString(), "y")))
                .hasMessageContaining(longRow.toString()).hasMessageContaining("line 2").hasMessageContaining("'y'")
                .hasMessageContaining("4 values but the header names 3 columns");
    }

    @Test
    void unknownColumnsSuggestTheNearestName() throws IOException {
        assertThatThrownBy(() -> load(CsvParams.of("../datasets/iris.csv", "specie")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("iris.csv").hasMessageContaining("line 1").hasMessageContaining("column 'specie'")
                .hasMessageContaining("did you mean 'species'?");
        assertThatThrownBy(() -> load(CsvParams.of("../datasets/iris.csv", "species")
                .withFeatures(List.of("petal_length", "petal_widht"))))
                .hasMessageContaining("line 1").hasMessageContaining("feature column 'petal_widht'")
                .hasMessageContaining("did you mean 'petal_width'?");
        Path late = write("late.csv", "\n\nalpha,beta\n1,2\n");
        assertThatThrownBy(() -> load(CsvParams.of(late.toString(), "betta")))
                .hasMessageContaining("line 3, column 'betta'").hasMessageContaining("did you mean 'beta'?");
    }

    @Test
    void emptyFilesAndHeaderOnlyFilesAreErrors() throws IOException {
        Path empty = write("empty.csv", "");
        assertThatThrownBy(() -> load(CsvParams.of(empty.toString(), null)))
                .hasMessageContaining(empty.toString()).hasMessageContaining("empty").hasMessageContaining("header row");
        Path headerOnly = write("header.csv", "a,b\n");
        assertThatThrownBy(() -> load(CsvParams.of(headerOnly.toString(), "b")))
                .hasMessageContaining(headerOnly.toString()).hasMessageContaining("line 2").hasMessageContaining("no data rows");
    }

    @Test
    void badHeadersAndQuotesAreErrors() throws IOException {
        Path duplicate = write("dup.csv", "a,b,a\n1,2,3\n");
        assertThatThrownBy(() -> load(CsvParams.of(duplicate.toString(), null)))
                .hasMessageContaining("line 1").hasMessageContaining("column 'a'").hasMessageContaining("twice");
        Path unclosed = write("open.csv", "a,b\n1,\"2\n3,4\n");
        assertThatThrownBy(() -> load(CsvParams.of(unclosed.toString(), null)))
                .hasMessageContaining("line 2").hasMessageContaining("column 'b'").hasMessageContaining("not closed");
        Path trailing = write("trail.csv", "a,b\n1,\"2\"x\n");
        assertThatThrownBy(() -> load(CsvParams.of(trailing.toString(), null)))
                .hasMessageContaining("line 2").hasMessageContaining("column 'b'").hasMessageContaining("after the closing quote");
        assertThatThrownBy(() -> load(CsvParams.of(dir.resolve("absent.csv").toString(), null)))
                .hasMessageContaining("absent.csv").hasMessageContaining("not found");
    }

    @Test
    void paramsRejectBadCombinations() {
        assertThatThrownBy(() -> new CsvParams(null, null, null, null, List.of(), "auto", ",", "error"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("path is required");
        assertThatThrownBy(() -> new CsvParams("a.csv", "b.csv", "c.csv", null, List.of(), "auto", ",", "error"))
                .hasMessageStartingWith("path must be absent");
        assertThatThrownBy(() -> new CsvParams(null, "b.csv", null, null, List.of(), "auto", ",", "error"))
                .hasMessageStartingWith("test is required");
        assertThatThrownBy(() -> CsvParams.of("a.csv", "y").withTask("clustering")).hasMessageStartingWith("task must be one of");
        assertThatThrownBy(() -> CsvParams.of("a.csv", null).withTask("regression")).hasMessageStartingWith("task regression needs");
        assertThatThrownBy(() -> CsvParams.of("a.csv", "y").withDelimiter(";;")).hasMessageStartingWith("delimiter must be");
        assertThatThrownBy(() -> CsvParams.of("a.csv", "y").withMissing("skip")).hasMessageStartingWith("missing must be one of");
        assertThatThrownBy(() -> CsvParams.of("a.csv", "y").withFeatures(List.of("x", "y")))
                .hasMessageStartingWith("features must not include the target");
        assertThat(new CsvParams(" ", "tr.csv", "te.csv", "", null, "auto", ",", "error").path()).isNull();
    }
}
