package io.relata.bench.generate;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One in-memory generation run, shared by the tests that only read its output. */
record GeneratedOutput(GenerationSummary summary, List<String> lines, List<String> truthLines, Map<String, String> entityOf,
                       List<String> patternLines) {

    static GeneratedOutput run(GeneratorConfig config) {
        StringWriter jsonl = new StringWriter();
        StringWriter truth = new StringWriter();
        StringWriter patterns = new StringWriter();
        try {
            GenerationSummary s = new PopulationGenerator().generate(config, jsonl, truth, patterns);
            List<String> truthLines = truth.toString().lines().toList();
            Map<String, String> entityOf = new HashMap<>();
            for (String line : truthLines.subList(1, truthLines.size())) {
                int last = line.lastIndexOf(',');
                entityOf.put(line.substring(0, last), line.substring(last + 1));
            }
            return new GeneratedOutput(s, jsonl.toString().lines().toList(), truthLines, entityOf, patterns.toString().lines().toList());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
