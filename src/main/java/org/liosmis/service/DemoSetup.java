package org.liosmis.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import org.liosmis.lio.FileioSpec;
import org.liosmis.lio.LioRoot;
import org.liosmis.lio.Plugin;
import org.liosmis.lio.configfs.ConfigFsException;

/**
 * The demo: an emulated LIO under the state directory with a pool of real, partly sparse
 * fileio backing files, and a generated password for the user admin. Made once; later
 * starts find it as it was left.
 */
public final class DemoSetup {

    public static final String USER = "admin";
    private static final long MIB = 1024 * 1024;
    /** name, size: small enough for a laptop, big enough to have holes and data. */
    private static final List<Object[]> VOLUMES = List.of(
            new Object[] {"demo1", 16 * MIB}, new Object[] {"demo2", 32 * MIB}, new Object[] {"demo3", 64 * MIB});
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private DemoSetup() {
    }

    /** Creates whatever of the demo is missing and returns the emulated LIO. */
    public static LioRoot prepare(Path stateDir, Path poolDir) throws IOException, ConfigFsException {
        Files.createDirectories(poolDir);
        LioRoot lio = LioRoot.emulated(stateDir.resolve("configfs"));
        for (Object[] volume : VOLUMES) {
            String name = (String) volume[0];
            if (lio.storageObject(Plugin.FILEIO, name).isEmpty()) {
                Path file = poolDir.resolve(name + ".img").toAbsolutePath();
                writeDemoData(file, (Long) volume[1], name);
                lio.createFileio(FileioSpec.of(name, file, (Long) volume[1]));
            }
        }
        return lio;
    }

    /** Every other MiB holds data (a text header, then a byte pattern); the rest are holes. */
    private static void writeDemoData(Path file, long size, String name) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer block = ByteBuffer.allocate((int) MIB);
            for (long offset = 0; offset < size; offset += 2 * MIB) {
                block.clear();
                block.put(("lio-smis demo volume " + name + " at MiB " + offset / MIB + "\n")
                        .getBytes(StandardCharsets.US_ASCII));
                while (block.hasRemaining()) {
                    block.put((byte) (block.position() * 31 + offset / MIB));
                }
                block.flip();
                channel.write(block, offset);
            }
            channel.truncate(size);
            if (channel.size() < size) {
                channel.write(ByteBuffer.allocate(1), size - 1);
            }
        }
    }

    /**
     * The demo password from stateDir/demo-password, generated when absent. The console is told
     * where it is, never what it is: consoles and logs are read by more people than the file.
     */
    public static char[] password(Path stateDir) throws IOException {
        Path file = stateDir.resolve("demo-password");
        if (!Files.exists(file)) {
            SecureRandom random = new SecureRandom();
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            // made owner-only before the password is in it, so no one else ever can read it
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n");
        }
        System.out.println("demo user " + USER + ", password in " + file);
        return Files.readString(file).strip().toCharArray();
    }
}
