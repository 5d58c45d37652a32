package io.relata.cli;

import io.relata.app.EntityProfile;
import io.relata.app.EntityProfiles;
import io.relata.app.NotFoundException;
import io.relata.core.model.RecordKey;
import io.relata.store.EntityEvent;
import io.relata.store.RelataStore;
import io.relata.store.StoredRecord;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code relata entity}: an entity with its records, values per source, disagreements and history. */
@Command(name = "entity", mixinStandardHelpOptions = true,
        description = "Show an entity: its records, each standardized value with the sources that give it, the "
                + "fields where sources disagree, and the entity's history.")
final class EntityCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--id", description = "The entity id.")
        Long id;

        @Option(names = "--record", paramLabel = "SOURCE:ID", description = "The entity of this record.")
        String record;
    }

    @Option(names = "--content", description = "Also print each record as received.")
    boolean content;

    @Override
    public Integer call() {
        try (RelataStore s = store.store()) {
            EntityProfiles profiles = new EntityProfiles(s);
            EntityProfile p = (target.id != null ? profiles.entity(target.id)
                    : profiles.entityOf(RecordKey.parse(target.record)))
                    .orElseThrow(() -> new NotFoundException(target.id != null ? "no entity " + target.id
                            : "no active record " + target.record));
            System.out.printf("entity %d: %d records%s, created %s, updated %s%n", p.id(), p.recordCount(),
                    p.retiredAt() == null ? "" : " (retired " + p.retiredAt() + ")", p.createdAt(), p.updatedAt());
            for (StoredRecord r : p.records()) {
                System.out.println("  " + r.key() + (content ? "  " + r.content() : ""));
            }
            System.out.println("values (sources):");
            for (Map.Entry<String, Map<String, Set<RecordKey>>> field : p.values().entrySet()) {
                boolean disagree = p.conflicting().contains(field.getKey());
                System.out.printf("  %-22s %s%s%n", field.getKey(), field.getValue().entrySet().stream()
                        .map(v -> v.getKey() + " (" + v.getValue().stream().map(RecordKey::toString)
                                .collect(Collectors.joining(", ")) + ")")
                        .collect(Collectors.joining("; ")), disagree ? "   <- sources disagree" : "");
            }
            System.out.println("history:");
            for (EntityEvent e : p.history()) {
                System.out.printf("  %s %-14s %s%s%s%n", e.at(), e.kind(), e.trigger() == null ? "" : e.trigger(),
                        e.otherEntity() == 0 ? "" : " entity " + e.otherEntity(),
                        e.matchKey() == null || e.matchKey().isEmpty() ? "" : "  " + e.matchKey());
            }
        }
        return 0;
    }
}
