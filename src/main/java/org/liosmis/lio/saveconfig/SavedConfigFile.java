package org.liosmis.lio.saveconfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.liosmis.lio.configfs.Errno;
import org.liosmis.lio.configfs.ErrnoMapping;

/**
 * The file {@code targetctl restore} reads at boot. Written like targetcli writes it (mode 0600,
 * a temporary file in the same directory, fsync, rename) and the directory synced after, so a
 * crash leaves either the old or the new file, never a torn one.
 */
public final class SavedConfigFile {

    /** Debian's rtslib-fb keeps its dbroot and saved config here. */
    public static final Path DEBIAN = Path.of("/etc/rtslib-fb-target/saveconfig.json");
    /** Upstream rtslib-fb's location. */
    public static final Path UPSTREAM = Path.of("/etc/target/saveconfig.json");

    /** The last step of a save; replaceable so tests can stop a save just before it. */
    interface Rename {
        void move(Path temp, Path file) throws IOException;
    }

    private final Path file;
    private final Rename rename;

    SavedConfigFile(Path file, Rename rename) {
        this.file = file.toAbsolutePath().normalize();
        this.rename = rename;
    }

    public static SavedConfigFile at(Path file) {
        return new SavedConfigFile(file, (temp, target) -> Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE));
    }

    /** Debian's location if its directory exists, else upstream's if that exists, else Debian's. */
    public static SavedConfigFile atDefaultLocation() {
        return at(defaultLocation(DEBIAN, UPSTREAM));
    }

    static Path defaultLocation(Path debian, Path upstream) {
        if (!Files.isDirectory(debian.getParent()) && Files.isDirectory(upstream.getParent())) {
            return upstream;
        }
        return debian;
    }

    public Path path() {
        return file;
    }

    /** True when there is certainly no file (not when it cannot be looked at). */
    public boolean missing() {
        return Files.notExists(file);
    }

    /** The saved config; a missing file is an empty one, as for targetctl. */
    public SavedConfig load() throws SavedConfigException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return SavedConfig.empty();
        } catch (IOException e) {
            throw new SavedConfigException(file, "cannot read it: " + reason(e), e);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            if (text.isBlank()) {
                throw corrupt("it is empty (targetctl restore fails on it too)", null);
            }
            return SavedConfig.of(TargetcliJson.parse(text));
        } catch (CharacterCodingException e) {
            throw corrupt("it is not UTF-8 text", e);
        } catch (JsonProcessingException e) {
            throw corrupt("it is not valid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        } catch (IllegalArgumentException e) {
            throw corrupt("it is not a targetcli saved config: " + e.getMessage(), e);
        }
    }

    private SavedConfigException corrupt(String problem, Exception cause) {
        return new SavedConfigException(file, problem + "; lio-smis leaves it as it is, repair or remove it"
                + " (targetcli saveconfig writes a new one)", cause);
    }

    /** Replaces the file with {@code config} in targetcli's format. */
    public void save(SavedConfig config) throws SavedConfigException {
        byte[] text = TargetcliJson.format(config.tree()).getBytes(StandardCharsets.US_ASCII);
        Path dir = file.getParent();
        Path temp = null;
        try {
            // a host where targetcli never saved may lack the directory
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(text);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            rename.move(temp, file);
            temp = null;
            try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
                directory.force(true);
            }
        } catch (IOException e) {
            throw new SavedConfigException(file, "cannot write it: " + reason(e), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static String reason(IOException e) {
        Errno errno = ErrnoMapping.errnoOf(e);
        return errno.text() + " (" + errno + ")" + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // the save already failed with the more useful error; a stray temp file is harmless
            }
        }
    }
}
