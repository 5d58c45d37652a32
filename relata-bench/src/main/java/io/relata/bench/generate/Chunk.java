package io.relata.bench.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * One chunk as it is built: its records, the organizations its people can name, and the ground-truth lines of
 * the patterns planted in it. Everything here is dropped once the chunk is written.
 */
final class Chunk {
    final int budget;
    final List<Draft> drafts;
    final List<Organization> employers = new ArrayList<>();
    final List<Organization> schools = new ArrayList<>();
    final List<Organization> sponsors = new ArrayList<>();
    /** {@code pattern,group,source,id} lines, one per record of every member of a planted pattern. */
    final StringBuilder patterns = new StringBuilder();

    Chunk(int budget) {
        this.budget = budget;
        this.drafts = new ArrayList<>(budget);
    }

    int room() {
        return budget - drafts.size();
    }

    void add(Draft d) {
        drafts.add(d);
    }

    void pattern(PatternKind pattern, String group, List<Draft> records) {
        for (Draft d : records) {
            patterns.append(pattern.label).append(',').append(group).append(',').append(d.source().name()).append(',').append(d.id()).append('\n');
        }
    }
}
