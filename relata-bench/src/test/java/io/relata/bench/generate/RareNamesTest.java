package io.relata.bench.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RareNamesTest {
    private static final List<NameEntry> SURNAMES = List.of(new NameEntry("Johnson", null), new NameEntry("Harper", null),
            new NameEntry("Smith", null), new NameEntry("Williams", null), new NameEntry("Lee", null));

    @Test
    void aBlendJoinsTheStartOfOneNameToTheEndOfAnother() {
        assertThat(RareNames.head("Johnson")).isEqualTo("Joh");
        assertThat(RareNames.tail("Harper")).isEqualTo("per");
        assertThat(RareNames.head("Anderson")).isEqualTo("An");
        assertThat(RareNames.tail("García")).isEqualTo("cía");
    }

    @Test
    void blendsAreNewDistinctAndTheSameEveryTime() {
        List<NameEntry> tail = RareNames.blends(SURNAMES, 12, 7, false);
        Set<String> names = tail.stream().map(NameEntry::latin).collect(Collectors.toSet());
        assertThat(names).hasSize(tail.size()).hasSizeGreaterThan(8).doesNotContain("Johnson", "Harper", "Smith", "Williams");
        assertThat(names).noneMatch(n -> n.contains("Lee") || n.length() < 4); // too short to cut is not used
        assertThat(RareNames.blends(SURNAMES, 12, 7, false)).isEqualTo(tail);
    }

    @Test
    void slavicBlendsGetACyrillicForm() {
        List<NameEntry> listed = List.of(new NameEntry("Zhukovsky", "Жуковский"), new NameEntry("Kuznetsov", "Кузнецов"),
                new NameEntry("Ivanov", "Иванов"));
        for (NameEntry e : RareNames.blends(listed, 5, 3, true)) {
            assertThat(e.script()).matches("\\p{IsCyrillic}+");
            if (e.latin().endsWith("sky")) assertThat(e.script()).endsWith("ский");
        }
    }

    @Test
    void chineseCompoundsJoinTwoOneCharacterNames() {
        List<NameEntry> listed = List.of(new NameEntry("Wei", "伟"), new NameEntry("Ming", "明"), new NameEntry("Zhiqiang", "志强"));
        List<NameEntry> tail = RareNames.compounds(listed, 10, 1);
        assertThat(tail).containsExactlyInAnyOrder(new NameEntry("Weiming", "伟明"), new NameEntry("Mingwei", "明伟"));
    }

    @Test
    void theListKeepsItsShareAndTheTailFallsOff() {
        List<String> listed = List.of("a", "b");
        List<String> tail = List.of("c", "d", "e", "f");
        WeightedPool<String> pool = WeightedPool.withTail(listed, tail, 0.6, 0.25);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
        int inList = 0, c = 0, f = 0;
        for (int i = 0; i < 100_000; i++) {
            String s = pool.pick(rng);
            if (listed.contains(s)) inList++;
            if (s.equals("c")) c++;
            if (s.equals("f")) f++;
        }
        assertThat(inList / 100_000.0).isBetween(0.24, 0.26);
        assertThat(c).isGreaterThan(f);
    }
}
