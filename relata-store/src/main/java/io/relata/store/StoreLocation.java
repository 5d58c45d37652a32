package io.relata.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where a store lives, worked out from what the user typed: nothing (the directory {@code ./relata-data}), a
 * directory (an embedded H2 database in it) or a JDBC URL (H2 or PostgreSQL).
 */
final class StoreLocation {
    static final String DEFAULT_DIRECTORY = "relata-data";
    static final String H2_FILE_NAME = "relata";
    /**
     * Embedded H2 settings: a page cache of a quarter of the heap (at least 64 MB), since a store larger than
     * its cache turns every insert into the primary-key index into a page read (a 1M-record load slowed from
     * 2,600 to 1,100 records/s at 250k records with 256 MB); WRITE_DELAY=0 so that every commit is written
     * to the file before commit() returns (the default delays it by up to 500 ms, and a kill -9 in that window
     * would lose committed transactions); RETENTION_TIME=1000 lets H2 reuse space of old chunks after a second
     * rather than 45 (a load's file is half the size; the OS keeps its buffers through a process crash).
     */
    static final String H2_FILE_SETTINGS = ";CACHE_SIZE=" + Math.max(65_536, Runtime.getRuntime().maxMemory() / 4096)
            + ";WRITE_DELAY=0;RETENTION_TIME=1000";

    private static final Pattern PASSWORD_IN_URL =
            Pattern.compile("(?i)([;?&]password=)[^;&]*");
    private static final Pattern USER_INFO_IN_URL = Pattern.compile("(//[^/@:]*):[^/@]*@");

    enum Dialect { H2, POSTGRESQL }

    final String url;
    final Dialect dialect;
    /** The .mv.db file of an embedded H2 store, or null when not known. */
    final Path h2File;
    /** The directory of an embedded store given as a directory (created on open), or null for a URL. */
    final Path directory;
    private final String user;
    private final String password;

    private StoreLocation(String url, Dialect dialect, Path h2File, Path directory, String user, String password) {
        this.url = url;
        this.directory = directory;
        this.dialect = dialect;
        this.h2File = h2File;
        this.user = user;
        this.password = password;
    }

    static StoreLocation parse(String db, java.util.Map<String, String> env) {
        if (db == null || db.isBlank()) db = DEFAULT_DIRECTORY;
        db = db.strip();
        if (!db.regionMatches(true, 0, "jdbc:", 0, 5)) {
            Path dir = Path.of(db).toAbsolutePath().normalize();
            return new StoreLocation("jdbc:h2:file:" + dir.resolve(H2_FILE_NAME) + H2_FILE_SETTINGS, Dialect.H2,
                    dir.resolve(H2_FILE_NAME + ".mv.db"), dir, null, null);
        }
        String lower = db.toLowerCase(Locale.ROOT);
        Dialect dialect;
        Path h2File = null;
        if (lower.startsWith("jdbc:h2:")) {
            dialect = Dialect.H2;
            h2File = h2FileOf(db);
            // a file database given as a URL keeps the same durability unless the URL says otherwise
            if (h2File != null && !lower.contains("write_delay")) db = db + ";WRITE_DELAY=0";
        } else if (lower.startsWith("jdbc:postgresql:")) {
            dialect = Dialect.POSTGRESQL;
        } else {
            throw new StoreException("cannot open the store at " + redact(db)
                    + ": only H2 (jdbc:h2:...) and PostgreSQL (jdbc:postgresql://host:port/database) URLs are supported");
        }
        boolean userInUrl = lower.contains("user=");
        boolean passwordInUrl = lower.contains("password=");
        String user = userInUrl ? null : blankToNull(env.get("RELATA_DB_USER"));
        String password = passwordInUrl ? null : blankToNull(env.get("RELATA_DB_PASSWORD"));
        return new StoreLocation(db, dialect, h2File, null, user, password);
    }

    /** Connection properties: user and password from the environment when the URL does not carry them. */
    Properties properties() {
        Properties p = new Properties();
        if (user != null) p.setProperty("user", user);
        if (password != null) p.setProperty("password", password);
        if (dialect == Dialect.POSTGRESQL && !url.toLowerCase(Locale.ROOT).contains("rewritebatchedinserts")) {
            p.setProperty("reWriteBatchedInserts", "true");
        }
        if (dialect == Dialect.H2 && user == null && !url.toLowerCase(Locale.ROOT).contains("user=")) {
            p.setProperty("user", "sa");
            p.setProperty("password", "");
        }
        return p;
    }

    /** The URL with any password removed, safe to print and log. */
    String describe() {
        return redact(url);
    }

    static String redact(String url) {
        String s = PASSWORD_IN_URL.matcher(url).replaceAll("$1***");
        return USER_INFO_IN_URL.matcher(s).replaceAll("$1:***@");
    }

    private static Path h2FileOf(String url) {
        String rest = url.substring("jdbc:h2:".length());
        int semi = rest.indexOf(';');
        if (semi >= 0) rest = rest.substring(0, semi);
        if (rest.startsWith("file:")) rest = rest.substring("file:".length());
        else if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:")
                || rest.startsWith("zip:") || rest.startsWith("nio")) return null;
        if (rest.startsWith("~")) rest = System.getProperty("user.home") + rest.substring(1);
        try {
            return Path.of(rest + ".mv.db").toAbsolutePath();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
