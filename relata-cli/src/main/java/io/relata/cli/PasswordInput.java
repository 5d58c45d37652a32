package io.relata.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Where a new password comes from: never the command line, where process lists and shell history keep it. */
final class PasswordInput {
    private PasswordInput() {}

    /** One line from the stream (the line end is not part of the password), without making it a String. */
    static char[] fromStream(InputStream in) {
        char[] buffer = new char[256];
        int length = 0;
        try {
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            for (int n; (n = reader.read(buffer, length, buffer.length - length)) > 0; ) {
                length += n;
                if (length == buffer.length) {
                    char[] bigger = Arrays.copyOf(buffer, buffer.length * 2);
                    Arrays.fill(buffer, '\0');
                    buffer = bigger;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password from standard input: " + e.getMessage(), e);
        }
        while (length > 0 && (buffer[length - 1] == '\n' || buffer[length - 1] == '\r')) length--;
        char[] password = Arrays.copyOf(buffer, length);
        Arrays.fill(buffer, '\0');
        for (char c : password) {
            if (c == '\n' || c == '\r') {
                Arrays.fill(password, '\0');
                throw new IllegalArgumentException("the password on standard input must be one line");
            }
        }
        return password;
    }

    /** Asked twice on the terminal, without echo. */
    static char[] fromTerminal(String username) {
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("no terminal to ask for the password on: give it on standard input "
                    + "with --password-stdin");
        }
        char[] first = console.readPassword("Password for %s: ", username);
        char[] second = console.readPassword("The same password again: ");
        try {
            if (first == null || second == null || !Arrays.equals(first, second)) {
                if (first != null) Arrays.fill(first, '\0');
                throw new IllegalArgumentException("the two passwords differ; nothing was changed");
            }
            return first;
        } finally {
            if (second != null) Arrays.fill(second, '\0');
        }
    }
}
