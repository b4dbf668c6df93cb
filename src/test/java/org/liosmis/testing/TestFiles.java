package org.liosmis.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** Sparse test files written at chosen offsets, and their checksums. */
public final class TestFiles {

    public static final int MIB = 1 << 20;

    private TestFiles() {
    }

    /**
     * A file of {@code size} bytes holding random data in the given {@code (offset, length)}
     * pairs and holes everywhere else; flushed, so its allocation is settled.
     */
    public static Path sparse(Path file, long size, long... dataRanges) throws IOException {
        Random random = new Random(file.getFileName().hashCode());
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.setLength(size); // writes inside EOF: XFS would preallocate into the holes past it
            FileChannel channel = raw.getChannel();
            ByteBuffer chunk = ByteBuffer.allocate(MIB);
            for (int i = 0; i < dataRanges.length; i += 2) {
                long offset = dataRanges[i];
                long end = offset + dataRanges[i + 1];
                while (offset < end) {
                    random.nextBytes(chunk.array());
                    chunk.clear().limit((int) Math.min(MIB, end - offset));
                    while (chunk.hasRemaining()) {
                        offset += channel.write(chunk, offset);
                    }
                }
            }
            channel.force(true);
        }
        return file;
    }

    /** Writes {@code length} random bytes at {@code offset} of a file or device and waits until they are stored. */
    public static void writeRandom(Path file, long offset, int length, java.util.Random random) throws IOException {
        byte[] data = new byte[length];
        random.nextBytes(data);
        try (java.io.RandomAccessFile out = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            out.seek(offset);
            out.write(data);
            out.getFD().sync();
        }
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[MIB];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
