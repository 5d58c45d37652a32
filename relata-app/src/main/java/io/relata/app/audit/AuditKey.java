package io.relata.app.audit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * The secret that signs the audit trail's checkpoints, kept in a file outside the database: whoever can rewrite
 * the database cannot forge a checkpoint without it. 32 random bytes, created on first use with owner-only
 * permissions. Back it up with the database: without it checkpoints cannot be verified.
 */
public final class AuditKey {
    /** The environment variable naming the key file; it wins over the default next to an embedded store. */
    public static final String FILE_ENV = "RELATA_AUDIT_KEY_FILE";
    public static final String FILE_NAME = "audit.key";
    static final int LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final SecretKeySpec key;

    private AuditKey(Path file, byte[] bytes) {
        this.file = file;
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    /**
     * Where the key of the store {@code db} lives: the file {@value #FILE_ENV} names when set, otherwise
     * {@value #FILE_NAME} in the store's directory for an embedded store (null or blank {@code db} is
     * {@code ./relata-data}). A store given by JDBC URL has no directory of its own, so it needs the variable.
     */
    public static Path defaultFile(String db, Map<String, String> env) {
        String named = env.get(FILE_ENV);
        if (named != null && !named.isBlank()) return Path.of(named.strip()).toAbsolutePath();
        String where = db == null || db.isBlank() ? "relata-data" : db.strip();
        if (where.regionMatches(true, 0, "jdbc:", 0, 5)) {
            throw new IllegalArgumentException("a store given by JDBC URL keeps its audit key in the file named by "
                    + FILE_ENV + " (set it to a path outside the database, readable only by the server's user)");
        }
        return Path.of(where).resolve(FILE_NAME).toAbsolutePath();
    }

    /** The key in {@code file}, which must exist: what verification uses, so that it never invents a key. */
    public static AuditKey load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new AuditUnavailableException("no audit key at " + file + ": the trail's checkpoints are signed with "
                    + "the key it was written with (restore the file, or point " + FILE_ENV + " at it)", e);
        } catch (IOException e) {
            throw new AuditUnavailableException("cannot read the audit key " + file + ": " + e, e);
        }
        if (bytes.length < LENGTH) {
            throw new AuditUnavailableException("the audit key " + file + " is " + bytes.length + " bytes, not at least "
                    + LENGTH + ": it is damaged; restore it from a backup");
        }
        Set<PosixFilePermission> perms = permissions(file);
        if (perms != null && !OWNER_ONLY.containsAll(perms)) {
            throw new AuditUnavailableException("the audit key " + file + " can be read by others ("
                    + PosixFilePermissions.toString(perms) + "): make it readable by its owner only (chmod 600)");
        }
        return new AuditKey(file, bytes);
    }

    /** The key in {@code file}, created (32 random bytes, owner-only) when there is none yet: what writers use. */
    public static AuditKey loadOrCreate(Path file) {
        if (!Files.exists(file)) {
            try {
                create(file);
            } catch (FileAlreadyExistsException e) {
                // another process created it first: use theirs
            } catch (IOException | UnsupportedOperationException e) {
                throw new AuditUnavailableException("cannot create the audit key " + file + ": " + e, e);
            }
        }
        return load(file);
    }

    private static void create(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        byte[] bytes = new byte[LENGTH];
        new SecureRandom().nextBytes(bytes);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        // created with its permissions, never readable by others even for a moment; CREATE_NEW so two starts
        // cannot each write a key
        if (posix) Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        else Files.createFile(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
             OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            out.write(bytes);
            out.flush();
            channel.force(true);
        }
        if (!posix) {
            java.io.File f = file.toFile();
            f.setReadable(false, false);
            f.setWritable(false, false);
            f.setReadable(true, true);
            f.setWritable(true, true);
        }
    }

    private static Set<PosixFilePermission> permissions(Path file) {
        try {
            return Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException | IOException e) {
            return null; // not a POSIX file system: nothing to check
        }
    }

    public Path file() {
        return file;
    }

    /**
     * A checkpoint's MAC: HMAC-SHA256 under this key of the UTF-8 text {@code seq + "|" + hash} (seq in decimal,
     * the hash as stored: 64 lower-case hex digits), as 64 lower-case hex digits.
     */
    public String mac(long seq, String hash) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((seq + "|" + hash).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }

    @Override
    public String toString() {
        return "AuditKey[" + file + "]"; // never the key
    }
}
