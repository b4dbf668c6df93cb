package org.liosmis.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway VM with a real LIO: Debian's kernel under QEMU (TCG, as there may be no KVM), a
 * busybox initramfs, the host's / shared read-only over 9p and chrooted into, so the guest runs
 * this JVM's own java and class path against a real configfs. Output comes back through a
 * writable 9p share. Everything lives in a temp dir removed by {@link #close()}.
 */
public final class KernelGuest implements AutoCloseable {

    private static final String RESOURCES = "/org/liosmis/kernel/";

    private final GuestPrerequisites host;
    private final Path dir;
    private final Path out;

    public KernelGuest() throws IOException {
        this.host = GuestPrerequisites.check();
        this.dir = Files.createTempDirectory("lio-smis-kernel-");
        this.out = Files.createDirectory(dir.resolve("out"));
    }

    /** Where the guest mounts the output share. */
    private static final String GUEST_OUT = "/tmp/out";

    /** The output share: the guest sees it as /tmp/out. */
    public Path out() {
        return out;
    }

    /**
     * Boots the guest, runs {@code java -cp <this class path> mainClass args} in it and waits
     * for it to power off. QEMU is killed if it runs longer than {@code timeout}.
     *
     * @return the guest's log (module loading and the driver's output)
     */
    public String run(Class<?> mainClass, List<String> args, Duration timeout) throws IOException, InterruptedException {
        Path initramfs = buildInitramfs();
        copyResource("guest.sh", out.resolve("guest.sh"));
        Files.writeString(out.resolve("driver.env"), driverEnv(mainClass, args));
        Path console = dir.resolve("console.log");
        Process qemu = new ProcessBuilder(qemuCommand(initramfs))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true).redirectOutput(console.toFile()).start();
        // a test JVM stopped by a signal must not leave the VM behind
        Thread killer = new Thread(qemu::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(killer);
        try {
            if (!qemu.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the kernel guest did not power off within " + timeout
                        + "; console:\n" + tail(console) + "\nguest log:\n" + tail(out.resolve("guest.log")));
            }
        } finally {
            qemu.destroyForcibly().waitFor();
            Runtime.getRuntime().removeShutdownHook(killer);
        }
        String log = Files.exists(out.resolve("guest.log")) ? Files.readString(out.resolve("guest.log")) : "";
        if (!log.contains("driver exit 0")) {
            throw new IllegalStateException("the driver did not finish in the kernel guest; console:\n"
                    + tail(console) + "\nguest log:\n" + log);
        }
        return log;
    }

    /**
     * Boots a guest that runs {@code mainClass <workDir> /tmp/out/<resultsFile>} and returns the
     * properties file it wrote, printing its wall time and every result for the build log.
     *
     * @param tools the host's programs the driver runs in the guest, and the packages that have them
     */
    static Properties results(Class<?> mainClass, String workDir, String resultsFile, Duration timeout,
                              List<Path> tools, String packages, String label) throws IOException, InterruptedException {
        for (Path tool : tools) {
            if (!Files.isExecutable(tool)) {
                throw new IllegalStateException("the guest runs the host's " + tool + ": apt-get install -y " + packages);
            }
        }
        Properties results = new Properties();
        long start = System.nanoTime();
        try (KernelGuest guest = new KernelGuest()) {
            guest.run(mainClass, List.of(workDir, GUEST_OUT + "/" + resultsFile), timeout);
            try (Reader in = Files.newBufferedReader(guest.out().resolve(resultsFile))) {
                results.load(in);
            }
        }
        System.out.println(label + ": guest wall time " + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s");
        results.stringPropertyNames().stream().sorted()
                .forEach(key -> System.out.println(label + ": " + key + " = " + results.getProperty(key)));
        return results;
    }

    private Path buildInitramfs() throws IOException, InterruptedException {
        Path script = dir.resolve("build-initramfs.sh");
        Path init = dir.resolve("init.sh");
        copyResource("build-initramfs.sh", script);
        copyResource("init.sh", init);
        Path initramfs = dir.resolve("initramfs.cpio.gz");
        Process build = new ProcessBuilder("/bin/sh", script.toString(), host.release(), init.toString(),
                initramfs.toString()).redirectErrorStream(true).start();
        String output = new String(build.getInputStream().readAllBytes());
        if (build.waitFor() != 0) {
            throw new IllegalStateException("building the initramfs failed:\n" + output);
        }
        return initramfs;
    }

    private List<String> qemuCommand(Path initramfs) {
        List<String> command = new ArrayList<>(List.of(host.qemu().toString(), "-accel", "tcg",
                "-m", "2048", "-smp", "2", "-nographic", "-no-reboot", "-nodefaults", "-serial", "stdio",
                "-kernel", host.kernel().toString(), "-initrd", initramfs.toString(),
                "-append", "console=ttyS0 panic=-1 quiet"));
        // multidevs=remap: the host's / spans several filesystems, whose inode numbers may collide
        command.addAll(List.of("-virtfs",
                "local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap"));
        command.addAll(List.of("-virtfs", "local,path=" + out + ",mount_tag=out,security_model=none"));
        return command;
    }

    /**
     * The guest shares the host's /, so this JVM's java and class path work there, except entries
     * under /tmp or /run, which the guest's own tmpfs hides: those are copied into the output
     * share (a clone checked out under /tmp still runs).
     */
    private String driverEnv(Class<?> mainClass, List<String> args) throws IOException {
        if (args.stream().anyMatch(a -> a.isEmpty() || a.matches(".*[\\s'\"$\\\\].*"))) {
            throw new IllegalArgumentException("guest driver arguments must be plain words: " + args);
        }
        List<String> entries = new ArrayList<>();
        for (String entry : absolute(System.getProperty("java.class.path")).split(":")) {
            entries.add(entry.startsWith("/tmp/") || entry.startsWith("/run/") ? shared(Path.of(entry), entries.size()) : entry);
        }
        return "JAVA=" + quoted(Path.of(System.getProperty("java.home"), "bin", "java").toString()) + "\n"
                + "CLASS_PATH=" + quoted(String.join(":", entries)) + "\n"
                + "MAIN=" + quoted(mainClass.getName()) + "\n"
                + "ARGS=" + quoted(String.join(" ", args)) + "\n";
    }

    /** A copy of a class path entry in the output share, as the guest sees it. */
    private String shared(Path entry, int index) throws IOException {
        Path copy = out.resolve("classpath").resolve(Integer.toString(index));
        Files.createDirectories(copy.getParent());
        if (Files.isDirectory(entry)) {
            try (Stream<Path> files = Files.walk(entry)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path target = copy.resolve(entry.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
        } else if (Files.exists(entry)) {
            Files.copy(entry, copy);
        }
        return GUEST_OUT + "/classpath/" + index;
    }

    /** The guest's working directory differs: relative class path entries are made absolute. */
    private static String absolute(String classPath) {
        return String.join(":", Stream.of(classPath.split(":"))
                .map(entry -> Path.of(entry).toAbsolutePath().toString()).toList());
    }

    private static String quoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = KernelGuest.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCES + name);
            }
            Files.copy(in, target);
        }
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "(no " + file.getFileName() + ")";
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() {
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the kernel guest's directory " + dir, e);
        }
    }
}
