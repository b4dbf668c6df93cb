package org.liosmis.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.liosmis.lvm.CommandRunner;

/**
 * A volume group "shm" that answers the LVM commands lio-smis runs, for engine tests on a host
 * without device-mapper. A logical volume's "device" is a file under /dev/shm, so LVM's device
 * path rule (/dev/VG/LV) holds; a snapshot's device starts as a copy of its origin's. Names get
 * a unique prefix, and {@link #close()} removes every device file made.
 */
public final class FakeLvm implements CommandRunner, AutoCloseable {

    public static final String GROUP = "shm";
    public static final String THIN_POOL = "pool";
    private static final Path DEVICES = Path.of("/dev/shm");

    /** name -> attributes, size, pool, origin */
    private final Map<String, String[]> volumes = new LinkedHashMap<>();
    private final Map<String, Result> failures = new ConcurrentHashMap<>();
    private final List<String> withoutDevice = new ArrayList<>();
    private boolean locked;
    private final List<String> removed = new ArrayList<>();
    private final String prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final long groupBytes;

    public FakeLvm(long groupBytes) {
        this.groupBytes = groupBytes;
        volumes.put(THIN_POOL, new String[] {"twi-aotz--", Long.toString(groupBytes / 2), "", ""});
    }

    /** A unique name for a volume of this test. */
    public String name(String base) {
        return prefix + base;
    }

    public Path device(String name) {
        return DEVICES.resolve(name);
    }

    /** Makes the next command whose words contain {@code match} fail as LVM would, with this text. */
    void failNext(String match, String stderr) {
        failures.put(match, new Result(5, "", stderr));
    }

    /** While locked, every command finds the group held by another LVM command. */
    synchronized void lock(boolean locked) {
        this.locked = locked;
    }

    /** The volume of that name gets no device node, so LIO cannot open it. */
    synchronized void noDeviceFor(String name) {
        withoutDevice.add(name);
    }

    public synchronized boolean has(String name) {
        return volumes.containsKey(name);
    }

    synchronized List<String> removed() {
        return List.copyOf(removed);
    }

    /** A thin (or, with thin false, linear) volume holding {@code data}. */
    public synchronized void add(String name, boolean thin, byte[] data) throws IOException {
        volumes.put(name, new String[] {thin ? "Vwi-a-tz--" : "-wi-a-----", Long.toString(data.length),
                thin ? THIN_POOL : "", ""});
        Files.write(device(name), data);
    }

    @Override
    public synchronized Result run(List<String> command) throws IOException {
        String words = String.join(" ", command);
        if (locked) {
            return new Result(5, "", "  /run/lock/lvm/V_" + GROUP + ": flock failed: Resource temporarily unavailable\n"
                    + "  Can't get lock for " + GROUP + ".\n  Cannot process volume group " + GROUP + "\n");
        }
        for (String match : failures.keySet()) {
            if (words.contains(match)) {
                return failures.remove(match);
            }
        }
        String what = command.getLast();
        return switch (command.get(1)) {
            case "lvs" -> report(what);
            case "vgs" -> new Result(0, "  " + GROUP + "|" + groupBytes + "|" + free() + "\n", "");
            case "lvcreate" -> create(command);
            case "lvchange" -> new Result(0, "", "");
            case "lvremove" -> remove(what.substring(GROUP.length() + 1));
            default -> throw new IllegalArgumentException("not an LVM command lio-smis runs: " + words);
        };
    }

    private Result report(String what) {
        List<String> names = what.contains("/") ? List.of(what.substring(GROUP.length() + 1)) : List.copyOf(volumes.keySet());
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            String[] lv = volumes.get(name);
            if (lv == null) {
                return new Result(5, "", "  Failed to find logical volume \"" + what + "\"\n");
            }
            out.append("  ").append(String.join("|", GROUP, name, lv[1], lv[0], lv[2], lv[3], "0.00"))
                    .append('\n');
        }
        return new Result(0, out.toString(), "");
    }

    private Result create(List<String> command) throws IOException {
        String name = command.get(command.indexOf("--name") + 1);
        if (volumes.containsKey(name)) {
            return new Result(5, "", "  Logical Volume \"" + name + "\" already exists in volume group \"" + GROUP + "\"\n");
        }
        String last = command.getLast();
        if (command.contains("--snapshot")) {
            String origin = last.substring(GROUP.length() + 1);
            String[] source = volumes.get(origin);
            boolean thin = source[0].startsWith("V");
            String size = thin ? source[1] : command.get(command.indexOf("--size") + 1).replace("b", "");
            volumes.put(name, new String[] {thin ? "Vwi-a-tz-k" : "swi-a-s---", size, source[2], origin});
            if (!withoutDevice.contains(name)) {
                Files.copy(device(origin), device(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } else {
            boolean thin = command.contains("--thinpool");
            String size = command.get(command.indexOf(thin ? "--virtualsize" : "--size") + 1).replace("b", "");
            volumes.put(name, new String[] {thin ? "Vwi-a-tz--" : "-wi-a-----", size, thin ? THIN_POOL : "", ""});
            try (FileChannel file = FileChannel.open(device(name), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                file.write(ByteBuffer.allocate(1), Long.parseLong(size) - 1);
            }
        }
        return new Result(0, "", "  Logical volume \"" + name + "\" created.\n");
    }

    private Result remove(String name) throws IOException {
        if (volumes.remove(name) == null) {
            return new Result(5, "", "  Failed to find logical volume \"" + GROUP + "/" + name + "\"\n");
        }
        removed.add(name);
        Files.deleteIfExists(device(name));
        return new Result(0, "", "  Logical volume \"" + name + "\" successfully removed.\n");
    }

    private long free() {
        return groupBytes - volumes.values().stream().filter(lv -> !lv[0].startsWith("V"))
                .mapToLong(lv -> Long.parseLong(lv[1])).sum();
    }

    @Override
    public synchronized void close() {
        for (String name : volumes.keySet()) {
            try {
                Files.deleteIfExists(device(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
