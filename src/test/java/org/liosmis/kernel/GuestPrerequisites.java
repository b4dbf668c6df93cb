package org.liosmis.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What the host needs to boot a test guest: QEMU, a Debian kernel with its modules, a static
 * busybox and modprobe. Missing pieces fail with the packages that provide them.
 */
record GuestPrerequisites(Path qemu, Path kernel, String release) {

    static final String PACKAGES = "qemu-system-x86 linux-image-amd64 busybox-static kmod";

    static GuestPrerequisites check() {
        Path qemu = onPath("qemu-system-x86_64");
        String release = newestAmd64Release();
        Path kernel = Path.of("/boot/vmlinuz-" + release);
        for (Path needed : new Path[] {Path.of("/bin/busybox"), onPath("modprobe"), kernel}) {
            if (!Files.isReadable(needed)) {
                throw missing(needed.toString());
            }
        }
        return new GuestPrerequisites(qemu, kernel, release);
    }

    private static Path onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":"))
                .map(dir -> Path.of(dir, program)).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> missing(program));
    }

    /** The newest installed Debian kernel release with modules, e.g. 6.1.0-56-amd64. */
    private static String newestAmd64Release() {
        try (Stream<Path> releases = Files.list(Path.of("/lib/modules"))) {
            return releases.map(p -> p.getFileName().toString()).filter(r -> r.endsWith("-amd64"))
                    .max(Comparator.comparing(GuestPrerequisites::versionKey))
                    .orElseThrow(() -> missing("/lib/modules/*-amd64"));
        } catch (IOException e) {
            throw missing("/lib/modules");
        }
    }

    /** Orders 6.1.0-9 before 6.1.0-56: numbers compared as numbers. */
    private static String versionKey(String release) {
        return release.replaceAll("\\d+", "000000$0").replaceAll("0*(\\d{7})", "$1");
    }

    private static IllegalStateException missing(String what) {
        return new IllegalStateException("the kernel tests boot Debian's kernel under QEMU, but " + what
                + " is missing: apt-get install -y " + PACKAGES);
    }
}
