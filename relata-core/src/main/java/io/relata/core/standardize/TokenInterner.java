package io.relata.core.standardize;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps one instance of each standardized token (a given name, a surname, a phonetic code, a city). A million
 * records hold a few hundred thousand distinct tokens: sharing them cuts the memory that standardized
 * records keep alive, and the garbage collector's work of copying it, by a large factor.
 */
public final class TokenInterner {
    private final ConcurrentHashMap<String, String> tokens = new ConcurrentHashMap<>(1 << 16);
    private final ConcurrentHashMap<String, NameToken> names = new ConcurrentHashMap<>(1 << 16);

    public String intern(String token) {
        if (token == null) return null;
        String known = tokens.get(token); // nearly every token is known: a plain read, where putIfAbsent locks a bin
        if (known != null) return known;
        known = tokens.putIfAbsent(token, token);
        return known == null ? token : known;
    }

    /** A folded name (a given name, a surname, compound parts joined by a space) with what is derived from it. */
    public record NameToken(String name, String root, String phonetic) {}

    /**
     * The name token of a folded name, derived once per distinct name: one lookup instead of three, and the Double
     * Metaphone code computed once per name rather than once per occurrence.
     */
    public NameToken name(String folded) {
        NameToken known = names.get(folded);
        if (known != null) return known;
        String name = intern(folded);
        NameToken made = new NameToken(name, intern(NameStandardizer.nicknameRoot(name)),
                intern(NameStandardizer.phonetic(name.replace(" ", ""))));
        known = names.putIfAbsent(name, made);
        return known == null ? made : known;
    }

    public int size() {
        return tokens.size();
    }
}
