package dev.grove.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The BPE trainer's primitive pair map agrees with a java.util.HashMap under random adds and removals. */
class PairCountsTest {

    @Test
    void agreesWithAHashMapThroughGrowthAndRemovals() {
        PairCounts map = new PairCounts();
        Map<Long, Long> reference = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int step = 0; step < 200_000; step++) {
            long key = PairCounts.pair(random.nextInt(60), random.nextInt(60));
            int op = random.nextInt(10);
            if (op < 6) {
                long delta = random.nextInt(5) - 2;
                map.add(key, delta);
                long sum = reference.getOrDefault(key, 0L) + delta;
                if (sum == 0) {
                    reference.remove(key);
                } else {
                    reference.put(key, sum);
                }
            } else if (op < 8) {
                map.remove(key);
                reference.remove(key);
            } else {
                long value = random.nextInt(100) + 1;
                map.put(key, value);
                reference.put(key, value);
            }
        }
        Map<Long, Long> contents = new HashMap<>();
        map.forEach(contents::put);
        assertThat(contents).isEqualTo(reference);
        for (int left = 0; left < 60; left++) {
            for (int right = 0; right < 60; right++) {
                long key = PairCounts.pair(left, right);
                assertThat(map.get(key, Long.MIN_VALUE)).isEqualTo(reference.getOrDefault(key, Long.MIN_VALUE));
            }
        }
    }

    @Test
    void packsAndUnpacksPairs() {
        long key = PairCounts.pair(123_456, 7);
        assertThat(PairCounts.left(key)).isEqualTo(123_456);
        assertThat(PairCounts.right(key)).isEqualTo(7);
    }
}
