package io.relata.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relata.core.model.Record;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFileReaderTest {
    @TempDir
    Path tmp;

    private final SourceFileReader reader = new SourceFileReader();
    private static final String JSONL = "{\"source\":\"S\",\"id\":\"1\"}\n{\"source\":\"S\"}\n";

    @Test
    void readsJsonlUnderEveryJsonExtensionAndGzip() throws IOException {
        for (String name : List.of("a.jsonl", "a.json", "a.NDJSON")) {
            CollectingHandler h = new CollectingHandler();
            assertThat(reader.read(Files.writeString(tmp.resolve(name), JSONL), null, h)).isEqualTo(new LoadCounts(2, 1, 1));
        }
        Path gz = tmp.resolve("a.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(JSONL.getBytes(StandardCharsets.UTF_8));
        }
        CollectingHandler h = new CollectingHandler();
        assertThat(reader.read(gz, null, h)).isEqualTo(new LoadCounts(2, 1, 1));
        assertThat(h.rejects.get(0)).hasToString(gz + ":2: id: required 'id' is missing");
    }

    @Test
    void readsCsvWithAMappingAndRefusesWithout() throws IOException {
        Path csv = Files.writeString(tmp.resolve("p.csv"), "id,name\n1,Ann\n");
        CsvMapping mapping = new CsvMapping("inline", "S", null, null, null, null, null, null, null, "id",
                List.of(CsvMapping.Column.of("name", CsvTarget.NAMES_FULL)), null);
        CollectingHandler h = new CollectingHandler();
        assertThat(reader.read(csv, mapping, h)).isEqualTo(new LoadCounts(1, 1, 0));
        assertThat(h.records).extracting(Record::id).containsExactly("1");
        assertThatThrownBy(() -> reader.read(csv, null, h)).isInstanceOf(IngestException.class).hasMessageContaining("needs a mapping");
    }

    @Test
    void fatalProblemsSayWhatToDo() throws IOException {
        assertThatThrownBy(() -> reader.read(tmp.resolve("gone.jsonl"), null, new CollectingHandler()))
                .isInstanceOf(IngestException.class).hasMessage("file not found: " + tmp.resolve("gone.jsonl"));
        Path xml = Files.writeString(tmp.resolve("a.xml"), "<a/>");
        assertThatThrownBy(() -> reader.read(xml, null, new CollectingHandler()))
                .isInstanceOf(IngestException.class).hasMessageContaining("name it .jsonl, .json, .ndjson, .csv or .tsv");
        Path notGz = Files.writeString(tmp.resolve("b.jsonl.gz"), JSONL);
        assertThatThrownBy(() -> reader.read(notGz, null, new CollectingHandler()))
                .isInstanceOf(IngestException.class).hasMessageContaining("is it really gzip-compressed?");
    }

    @Test
    void malformedCsvQuotingCostsRowsNotTheLoad() throws IOException {
        Path csv = Files.writeString(tmp.resolve("q.csv"), "id,name\n1,\"Ann\"x\n2,\"unterminated\n3,Cy\n");
        CsvMapping mapping = new CsvMapping("inline", "S", null, null, null, null, null, null, null, "id",
                List.of(CsvMapping.Column.of("name", CsvTarget.NAMES_FULL)), null);
        CollectingHandler h = new CollectingHandler();
        // An unterminated quote swallows the rest of the file: reported at the row where it starts.
        assertThat(reader.read(csv, mapping, h)).isEqualTo(new LoadCounts(2, 1, 1));
        assertThat(h.records.get(0).names()).extracting(n -> n.full()).containsExactly("Annx");
        assertThat(h.rejects.get(0).line()).isEqualTo(3);
        assertThat(h.rejects.get(0).reason()).startsWith("malformed CSV, reading stopped here: ");
    }
}
