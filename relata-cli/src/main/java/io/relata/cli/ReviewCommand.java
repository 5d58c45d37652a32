package io.relata.cli;

import io.relata.store.RelataStore;
import io.relata.store.ReviewItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code relata review}: the possible matches waiting for a person, and dismissing one. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "List possible-match review items (pairs scored in the review band). Rule on one with "
                + "'relata decide'; or dismiss it here.")
final class ReviewCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--status", defaultValue = "OPEN", description = "OPEN, SAME, DIFFERENT or DISMISSED (default: ${DEFAULT-VALUE}).")
    String status;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--dismiss", paramLabel = "ITEM", description = "Dismiss this review item.")
    Long dismiss;

    @Option(names = "--analyst", description = "Who dismisses (with --dismiss).")
    String analyst;

    @Override
    public Integer call() {
        try (RelataStore s = store.store()) {
            if (dismiss != null) {
                if (analyst == null || analyst.isBlank()) throw new IllegalArgumentException("--dismiss needs --analyst");
                s.disposeReview(dismiss, "DISMISSED", analyst, Instant.now());
                System.out.println("dismissed review item " + dismiss);
                return 0;
            }
            for (ReviewItem r : s.reviewItems(status.toUpperCase(java.util.Locale.ROOT), limit)) {
                System.out.printf("%6d  %-24s %-24s %+7.2f  %s  %s%n", r.id(), r.first(), r.second(), r.weight(),
                        r.matchKey(), r.status());
            }
        }
        return 0;
    }
}
