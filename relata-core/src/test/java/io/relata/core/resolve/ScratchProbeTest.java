package io.relata.core.resolve;

import io.relata.core.standardize.RecordFeatures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchProbeTest {
    @Test
    void probe() {
        List<io.relata.core.model.Record> recs = new ArrayList<>(Records.background(2000, 1));
        RecordFeatures a = Records.person("S", "a").given("Mohammed").surname("Rahman").dob("1980-05-03").features();
        RecordFeatures b = Records.person("T", "b").given("Rahman").surname("Mohamed").dob("1980-05-03").features();
        RecordFeatures[] bg = Records.features(recs);
        ValueFrequencies vf = ValueFrequencies.of(bg);
        vf.add(a, 1); vf.add(b, 1);
        PairScorer s = new PairScorer(MatchModel.defaults(), vf);
        Comparison c = new Comparison();
        double ab = s.score(a, b, c);
        System.out.println("ab " + ab + " " + c.matchKey() + " " + c.levelName(Feature.GIVEN_NAME) + " " + c.levelName(Feature.SURNAME));
        double ba = s.score(b, a, c);
        System.out.println("ba " + ba + " " + c.matchKey() + " " + c.levelName(Feature.GIVEN_NAME) + " " + c.levelName(Feature.SURNAME));
        System.out.println(DateComparator.level(Records.person("S","1").dob("1980-05-31").features().dob(), Records.person("S","1").dob("1980-06-01").features().dob()));
    }
}
