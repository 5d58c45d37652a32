package io.relata.core.resolve;

import io.relata.core.model.RecordKey;

import java.util.List;

/** How an entity was built: its records and the scored pairs that joined them, strongest first. */
public record EntityExplanation(List<RecordKey> records, List<Step> steps) {
    /** One join: two records, the weight of their pair and its match key. */
    public record Step(RecordKey first, RecordKey second, double weight, String matchKey) {}

    public String format() {
        StringBuilder s = new StringBuilder();
        s.append("entity of ").append(records.size()).append(" records: ").append(records).append('\n');
        for (Step step : steps) {
            s.append(String.format("  %s ~ %s  %+.2f  %s%n", step.first(), step.second(), step.weight(),
                    step.matchKey()));
        }
        return s.toString();
    }
}
