package dev.grove.loader.modelio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

    @Test
    void parsesEveryKindOfValue() {
        Object v = StrictJson.parse(" \t\r\n{\"b\": [1, -0, 2.5, -1e3, 1E+2, true, false, null, \"x\"], \"a\": {}, \"c\": []} \n ");
        assertThat(v).isEqualTo(Map.of(
                "b", Arrays.asList(1L, 0L, 2.5, -1000.0, 100.0, true, false, null, "x"),
                "a", Map.of(),
                "c", List.of()));
        assertThat(new ArrayList<Object>(((Map<?, ?>) v).keySet())).containsExactly("b", "a", "c");
    }

    @Test
    void decodesEscapes() {
        assertThat(StrictJson.parse("\"q\\\"b\\\\s\\/n\\n\\r\\t\\b\\f\\u00e9\\ud83c\\udf32\""))
                .isEqualTo("q\"b\\s/n\n\r\t\b\fé🌲");
    }

    @Test
    void readsWhatJsonStringsWrites() {
        String awkward = "a\"b\\c\n\r\t\b\f\u0000\u001f/é🌲";
        assertThat(StrictJson.parse(JsonStrings.quote(awkward))).isEqualTo(awkward);
    }

    @Test
    void integersThatFitInALongAreLongs() {
        assertThat(StrictJson.parse("[9223372036854775807, -9223372036854775808]"))
                .isEqualTo(List.of(Long.MAX_VALUE, Long.MIN_VALUE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "{", "}", "{}x", "{} {}", "[1,]", "[,1]", "{\"a\":1,}", "{\"a\" 1}", "{\"a\":}", "{a:1}", "{'a':1}",
        "01", "-", "-a", "1.", ".5", "1e", "1e+", "+1", "0x10", "NaN", "Infinity", "-Infinity", "tru", "nul", "True",
        "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\u12G4\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"",
        "\"tab\there\"", "\"nl\nhere\"", "/*c*/1", "1 // c", "{\"a\":1,\"a\":2}", "9223372036854775808", "[1 2]",
    })
    void rejectsInvalidJson(String text) {
        assertThatThrownBy(() -> StrictJson.parse(text)).isInstanceOf(FormatProblem.class)
                .hasMessageStartingWith("invalid JSON at character ");
    }

    @Test
    void reportsWhereAndWhat() {
        assertThatThrownBy(() -> StrictJson.parse("{\"w\": 1, \"w\": 2}")).hasMessage("invalid JSON at character 9: duplicate key \"w\"");
        assertThatThrownBy(() -> StrictJson.parse("[1,]")).hasMessage("invalid JSON at character 3: unexpected ']', expected a JSON value");
    }

    @Test
    void boundsNesting() {
        String ok = "[".repeat(StrictJson.MAX_DEPTH + 1) + "]".repeat(StrictJson.MAX_DEPTH + 1);
        assertThat(StrictJson.parse(ok)).isInstanceOf(List.class);
        String deep = "[".repeat(StrictJson.MAX_DEPTH + 2) + "]".repeat(StrictJson.MAX_DEPTH + 2);
        assertThatThrownBy(() -> StrictJson.parse(deep)).isInstanceOf(FormatProblem.class).hasMessageContaining("nested more than");
        String hostile = "[".repeat(1_000_000);
        assertThatThrownBy(() -> StrictJson.parse(hostile)).isInstanceOf(FormatProblem.class).hasMessageContaining("nested more than");
    }

    @Test
    void refusesOverlongNumbers() {
        String digits = "1".repeat(65);
        assertThatThrownBy(() -> StrictJson.parse("0." + digits)).isInstanceOf(FormatProblem.class).hasMessageContaining("longer than");
    }

    @Test
    void resultIsUnmodifiable() {
        List<?> list = (List<?>) StrictJson.parse("[1]");
        assertThatThrownBy(() -> list.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }
}
