package io.relata.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relata.core.model.RecordKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path f = dir.resolve("truth.csv");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void loadsRecordsWithQuotingBlankLinesAndRepeatedRows() throws IOException {
        Path f = file("\uFEFFsource,id,entity\r\n"
                + "VISA,1,E1\r\n"
                + "\r\n"
                + "CBP,\"A,7\",E1\r\n"
                + "VISA,2,E2\r\n"
                + "VISA,1,E1\r\n"); // same entity again: harmless

        GroundTruth t = GroundTruth.load(f);

        assertThat(t.size()).isEqualTo(3);
        assertThat(t.entityOf(new RecordKey("VISA", "1"))).isEqualTo("E1");
        assertThat(t.entityOf(new RecordKey("CBP", "A,7"))).isEqualTo("E1");
        assertThat(t.entityOf(new RecordKey("VISA", "2"))).isEqualTo("E2");
        assertThat(t.entityOf(new RecordKey("VISA", "3"))).isNull();
    }

    @Test
    void labelsShareEntitiesAndGiveUnknownRecordsTheirOwn() throws IOException {
        GroundTruth t = GroundTruth.load(file("source,id,entity\nS,1,E\nS,2,E\nS,3,F\n"));

        int[] labels = t.labels(List.of(new RecordKey("S", "1"), new RecordKey("X", "1"),
                new RecordKey("S", "2"), new RecordKey("X", "2"), new RecordKey("S", "3")));

        // entities numbered in file order (E 0, F 1); unknown records numbered after them
        assertThat(labels).containsExactly(0, 2, 0, 3, 1);
    }

    @Test
    void missingHeader() throws IOException {
        Path f = file("VISA,1,E1\nVISA,2,E2\n");
        assertThatThrownBy(() -> GroundTruth.load(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("line 1").hasMessageContaining("header");
    }

    @Test
    void emptyFile() throws IOException {
        Path f = file("");
        assertThatThrownBy(() -> GroundTruth.load(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header");
    }

    @Test
    void shortRow() throws IOException {
        Path f = file("source,id,entity\nVISA,1,E1\nVISA,2\n");
        assertThatThrownBy(() -> GroundTruth.load(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("line 3").hasMessageContaining("got 2");
    }

    @Test
    void emptyField() throws IOException {
        Path f = file("source,id,entity\nVISA,,E1\n");
        assertThatThrownBy(() -> GroundTruth.load(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void conflictingDuplicateReportsTheLineAfterAMultiLineCell() throws IOException {
        Path f = file("source,id,entity\nVISA,\"multi\nline\",E1\nVISA,2,E2\nVISA,2,E3\n");
        assertThatThrownBy(() -> GroundTruth.load(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("line 5")
                .hasMessageContaining("VISA:2").hasMessageContaining("E2").hasMessageContaining("E3");
    }

    @Test
    void missingFile() {
        assertThatThrownBy(() -> GroundTruth.load(dir.resolve("nope.csv"))).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("nope.csv");
    }
}
