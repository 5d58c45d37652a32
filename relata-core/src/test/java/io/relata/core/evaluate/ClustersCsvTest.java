package io.relata.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.relata.core.model.RecordKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClustersCsvTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsThroughGroundTruthWithCommasAndQuotesInIds() throws IOException {
        List<RecordKey> keys = List.of(new RecordKey("VISA", "1"), new RecordKey("VISA", "a,b"),
                new RecordKey("CBP", "say \"hi\""), new RecordKey("CBP", "two\nlines"));
        int[] entity = {3, 3, -1, 7};
        Path out = dir.resolve("clusters.csv");

        ClustersCsv.write(out, keys, entity, l -> "E" + l);

        assertThat(Files.readString(out)).startsWith("source,id,entity\nVISA,1,E3\nVISA,\"a,b\",E3\n")
                .contains("CBP,\"say \"\"hi\"\"\",E-1\n");
        GroundTruth back = GroundTruth.load(out);
        assertThat(back.size()).isEqualTo(4);
        for (int r = 0; r < keys.size(); r++) {
            assertThat(back.entityOf(keys.get(r))).isEqualTo("E" + entity[r]);
        }
    }
}
