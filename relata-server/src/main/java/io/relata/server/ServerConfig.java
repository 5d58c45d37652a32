package io.relata.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * How the server runs, from a properties file, then the environment ({@code RELATA_PORT} for {@code port}, ...),
 * then the command line, each overriding the one before.
 *
 * @param host          the address to listen on; loopback unless said otherwise
 * @param db            the store, as {@code --db} takes it
 * @param secureCookies ALWAYS, NEVER, or AUTO (Secure when the request came over TLS, directly or as a proxy's
 *                      {@code X-Forwarded-Proto: https} says)
 * @param maxJsonBytes  the largest JSON request body; larger is refused with 413
 * @param maxUploadBytes the largest source extract an upload may send; larger is refused with 413
 * @param uploadDir     where uploads wait for their load; null for {@code uploads} in the store's directory, or in
 *                      a new temporary directory when the store is not a directory (a JDBC URL, or none named)
 */
public record ServerConfig(String host, int port, String db, SecureCookies secureCookies, long maxJsonBytes,
                           long maxUploadBytes, Path uploadDir) {
    public enum SecureCookies { ALWAYS, NEVER, AUTO }

    public ServerConfig {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        if (maxJsonBytes < 1024) throw new IllegalArgumentException("max JSON body must be at least 1024 bytes");
        if (maxUploadBytes < 1) throw new IllegalArgumentException("max upload must be at least 1 byte");
    }

    public ServerConfig(String host, int port, String db, SecureCookies secureCookies, long maxJsonBytes, long maxUploadBytes) {
        this(host, port, db, secureCookies, maxJsonBytes, maxUploadBytes, null);
    }

    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 8080, null, SecureCookies.AUTO, 1 << 20, 512L << 20, null);
    }

    /** Reads {@code file} (may be null), then the environment. */
    public static ServerConfig load(Path file, Map<String, String> env) {
        Properties p = new Properties();
        if (file != null) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the server configuration " + file + ": " + e.getMessage());
            }
        }
        for (String key : new String[] {"host", "port", "db", "secureCookies", "maxJsonBytes", "maxUploadBytes", "uploadDir"}) {
            String envName = "RELATA_" + key.replaceAll("([A-Z])", "_$1").toUpperCase(Locale.ROOT);
            if (env.get(envName) != null) p.setProperty(key, env.get(envName));
        }
        ServerConfig d = defaults();
        try {
            return new ServerConfig(p.getProperty("host", d.host()),
                    Integer.parseInt(p.getProperty("port", Integer.toString(d.port()))),
                    p.getProperty("db", d.db()),
                    SecureCookies.valueOf(p.getProperty("secureCookies", d.secureCookies().name()).toUpperCase(Locale.ROOT)),
                    Long.parseLong(p.getProperty("maxJsonBytes", Long.toString(d.maxJsonBytes()))),
                    Long.parseLong(p.getProperty("maxUploadBytes", Long.toString(d.maxUploadBytes()))),
                    p.getProperty("uploadDir") == null ? null : Path.of(p.getProperty("uploadDir")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad server configuration: " + e.getMessage());
        }
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(host, p, db, secureCookies, maxJsonBytes, maxUploadBytes, uploadDir);
    }

    public ServerConfig withHost(String h) {
        return new ServerConfig(h, port, db, secureCookies, maxJsonBytes, maxUploadBytes, uploadDir);
    }

    public ServerConfig withDb(String d) {
        return new ServerConfig(host, port, d, secureCookies, maxJsonBytes, maxUploadBytes, uploadDir);
    }

    public ServerConfig withSecureCookies(SecureCookies s) {
        return new ServerConfig(host, port, db, s, maxJsonBytes, maxUploadBytes, uploadDir);
    }

    public ServerConfig withMaxUploadBytes(long max) {
        return new ServerConfig(host, port, db, secureCookies, maxJsonBytes, max, uploadDir);
    }

    public ServerConfig withUploadDir(Path dir) {
        return new ServerConfig(host, port, db, secureCookies, maxJsonBytes, maxUploadBytes, dir);
    }

    /** Where uploads wait: {@link #uploadDir}, or {@code uploads} next to an embedded store, or a new temporary directory. */
    Path uploads() {
        if (uploadDir != null) return uploadDir;
        if (db != null && !db.isBlank() && !db.strip().startsWith("jdbc:")) return Path.of(db.strip()).resolve("uploads");
        try {
            return Files.createTempDirectory("relata-uploads-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a temporary upload directory: " + e.getMessage(), e);
        }
    }
}
