package dev.grove.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Prints GFLOPS for the {@link GemmBenchmark} rows of a JMH CSV result ({@code -rf csv -rff FILE}):
 * one matmul of size n is 2·n³ floating-point operations, so GFLOPS = 2·n³ / (ms/op · 10⁶).
 *
 * <p>Usage: {@code java -cp ml-bench/target/benchmarks.jar dev.grove.bench.GflopsTable result.csv}
 */
public final class GflopsTable {

    private GflopsTable() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: GflopsTable <jmh-result.csv>");
            return;
        }
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        List<String> header = parse(lines.get(0));
        int score = header.indexOf("Score");
        int error = header.indexOf("Score Error (99.9%)");
        int unit = header.indexOf("Unit");
        int n = header.indexOf("Param: n");
        int kernels = header.indexOf("Param: kernels");
        int threads = header.indexOf("Param: threads");
        System.out.printf(Locale.ROOT, "%-8s %7s %6s %12s %10s%n", "kernels", "threads", "n", "ms/op", "GFLOPS");
        for (String line : lines.subList(1, lines.size())) {
            List<String> row = parse(line);
            if (!row.get(0).endsWith("GemmBenchmark.matmul") || !row.get(unit).equals("ms/op")) {
                continue;
            }
            double size = Double.parseDouble(row.get(n));
            double msPerOp = Double.parseDouble(row.get(score));
            double msError = error >= 0 && !row.get(error).isEmpty() && !row.get(error).equals("NaN")
                    ? Double.parseDouble(row.get(error)) : 0;
            System.out.printf(Locale.ROOT, "%-8s %7s %6.0f %7.3f±%-5.3f %10.1f%n", row.get(kernels),
                    threads >= 0 ? row.get(threads) : "-", size, msPerOp, msError, gflops(size, msPerOp));
        }
    }

    /** Floating-point operations per nanosecond of one n×n×n multiply taking {@code msPerOp}. */
    static double gflops(double n, double msPerOp) {
        return 2 * n * n * n / (msPerOp * 1e6);
    }

    /** Splits one CSV line with quoted fields, as JMH writes them. */
    private static List<String> parse(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return Arrays.asList(fields.toArray(String[]::new));
    }
}
