package io.relata.bench.generate;

/** A name in Latin script, with its native-script form (Cyrillic, Han) where the pool has one. */
record NameEntry(String latin, String script) {}
