package io.relata.core.standardize;

import io.relata.core.model.Name;
import io.relata.core.model.Record;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchStandardizerTest {
    private final RecordStandardizer standardizer = new RecordStandardizer();

    @Test
    void keepsEveryRecordInArrivalOrderAcrossManyBatches() {
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) { // more than two batches, and a partial last one
            records.add(Record.builder("S", "r" + i).name(Name.of("Given" + (i % 50), null, "Surname" + i))
                    .dob("1980-01-" + (1 + i % 28)).build());
        }
        BatchStandardizer batches = new BatchStandardizer(standardizer);
        records.forEach(batches);

        RecordFeatures[] features = batches.finish();

        assertThat(features).hasSize(records.size());
        for (int i = 0; i < records.size(); i++) {
            assertThat(features[i].key()).isEqualTo(records.get(i).key());
            assertThat(features[i].names()[0].surname()).isEqualTo("surname" + i);
        }
        // the same features as one record at a time
        assertThat(features[12_345].dob()).isEqualTo(standardizer.standardize(records.get(12_345)).dob());
    }

    @Test
    void sharesOneInstanceOfEachToken() {
        BatchStandardizer batches = new BatchStandardizer(standardizer);
        batches.accept(Record.builder("S", "1").name(Name.of("Maria", null, "Garcia")).build());
        batches.accept(Record.builder("T", "2").name(Name.of("MARÍA", null, "García")).build());

        RecordFeatures[] features = batches.finish();

        assertThat(features[0].names()[0].surname()).isSameAs(features[1].names()[0].surname());
        assertThat(features[0].names()[0].givenPhonetic()).isSameAs(features[1].names()[0].givenPhonetic());
    }

    @Test
    void finishingWithNothingGivesNothing() {
        assertThat(new BatchStandardizer(standardizer).finish()).isEmpty();
    }
}
