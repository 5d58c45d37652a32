package io.relata.core.standardize;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps one instance of each standardized token (a given name, a surname, a phonetic code, a city). A million
 * records hold a few hundred thousand distinct tokens: sharing them cuts the memory that standardized
 * records keep alive, and the garbage collector's work of copying it, by a large factor.
 */
public final class TokenInterner {
    private final ConcurrentHashMap<String, String> tokens = new ConcurrentHashMap<>(1 << 16);

    public String intern(String token) {
        if (token == null) return null;
        String known = tokens.putIfAbsent(token, token);
        return known == null ? token : known;
    }

    public int size() {
        return tokens.size();
    }
}
