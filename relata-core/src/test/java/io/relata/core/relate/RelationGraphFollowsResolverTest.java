package io.relata.core.relate;

import static io.relata.core.relate.RelateRecords.key;
import static io.relata.core.relate.RelateRecords.person;
import static org.assertj.core.api.Assertions.assertThat;

import io.relata.core.model.Record;
import io.relata.core.model.RecordKey;
import io.relata.core.resolve.LiveResolver;
import io.relata.core.resolve.MatchModel;
import io.relata.core.resolve.live.Assignment;
import io.relata.core.resolve.live.ChangeSet;
import io.relata.core.standardize.RecordFeatures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The graph follows the real live resolver's change sets through merges, a split and a withdrawal. */
class RelationGraphFollowsResolverTest {
    private final LiveResolver live = new LiveResolver(MatchModel.defaults(), 50);
    private final RelationGraph graph = new RelationGraph(RelateSettings.defaults());
    private final List<RecordKey> keys = new ArrayList<>();

    private ChangeSet arrive(RelateRecords.Builder b) {
        Record r = b.record();
        RecordFeatures f = RelateRecords.STANDARDIZER.standardize(r);
        ChangeSet cs = live.upsert(f);
        graph.put(RecordLinks.of(r, f), live.entityOf(r.key()));
        graph.apply(cs);
        keys.add(r.key());
        assertInStep();
        return cs;
    }

    private ChangeSet withdraw(RecordKey k) {
        ChangeSet cs = live.withdraw(k);
        graph.apply(cs);
        keys.remove(k);
        assertInStep();
        return cs;
    }

    private void assertInStep() {
        for (RecordKey k : keys) assertThat(graph.entityOf(k)).as("%s", k).isEqualTo(live.entityOf(k));
        assertThat(graph.entityCount()).isEqualTo(live.entityCount());
    }

    private long entity(String source, String id) {
        return live.entityOf(key(source, id));
    }

    @Test
    void relations_move_with_merges_and_splits_and_leave_with_withdrawals() {
        arrive(person("S", "x1").name("Teodor", "Vasquez").dob("1966-09-12").phone("312 444 8101").id("PASSPORT", "P1111111"));
        arrive(person("T", "x2").name("Teodor", "Vasquez").dob("1966-09-12").phone("312 444 8101").id("PASSPORT", "P1111111"));
        assertThat(entity("T", "x2")).as("one person").isEqualTo(entity("S", "x1"));

        arrive(person("P", "y1").name("T", "Vasquez").email("teo.vasquez@example.net").address("9 Quay Lane", "Chicago", "60614"));
        arrive(person("P", "z").name("Ana", "Perez").address("9 Quay Lane", "Chicago", "60614"));
        long x = entity("S", "x1"), y = entity("P", "y1"), z = entity("P", "z");
        assertThat(y).isNotEqualTo(x);
        assertThat(graph.relations(z)).extracting(Relation::to).containsExactly(y);

        ChangeSet merge = arrive(person("T", "bridge").name("Teodor", "Vasquez").dob("1966-09-12").phone("312 444 8101")
                .email("teo.vasquez@example.net"));
        assertThat(merge.assignments()).extracting(Assignment::record).contains(key("P", "y1"));
        long merged = entity("T", "bridge");
        assertThat(entity("P", "y1")).isEqualTo(merged);
        assertThat(entity("S", "x1")).isEqualTo(merged);
        assertThat(graph.relations(z)).singleElement().satisfies(r -> {
            assertThat(r.to()).isEqualTo(merged);
            assertThat(r.evidence()).extracting(Evidence::to).containsExactly(key("P", "y1"));
        });
        assertThat(graph.relations(merged)).extracting(Relation::to).containsExactly(z);

        ChangeSet split = withdraw(key("T", "bridge"));
        assertThat(split.assignments()).anySatisfy(a -> {
            assertThat(a.record()).isEqualTo(key("T", "bridge"));
            assertThat(a.entityId()).isZero();
        });
        assertThat(graph.entityOf(key("T", "bridge"))).isZero();
        long yAgain = entity("P", "y1");
        assertThat(yAgain).isNotEqualTo(entity("S", "x1"));
        assertThat(graph.relations(z)).extracting(Relation::to).containsExactly(yAgain);
        assertThat(graph.relations(entity("S", "x1"))).isEmpty();
    }
}
