package org.liosmis.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where a DMTF schema release is: its files and the top file (cim_schema_2.49.0.mof) that
 * includes the qualifiers and every class.
 */
record DmtfSchemaLocation(MofFiles files, String topFile) implements AutoCloseable {

    private static final Pattern TOP_FILE = Pattern.compile("cim_schema_[0-9.]+\\.mof", Pattern.CASE_INSENSITIVE);
    private static final Pattern ARCHIVE = Pattern.compile("cim_schema_.*\\.zip", Pattern.CASE_INSENSITIVE);

    /** Accepts an unpacked schema directory, the release zip, or a directory holding the zip. */
    static DmtfSchemaLocation find(Path schema) throws IOException {
        if (Files.isRegularFile(schema)) {
            return inZip(schema);
        }
        if (!Files.isDirectory(schema)) {
            throw new IllegalArgumentException("no CIM schema at " + schema + ": neither a directory nor a zip file");
        }
        List<Path> entries;
        try (Stream<Path> listing = Files.list(schema)) {
            entries = listing.sorted().toList();
        }
        for (Path entry : entries) {
            if (TOP_FILE.matcher(entry.getFileName().toString()).matches()) {
                return new DmtfSchemaLocation(MofFiles.directory(schema), entry.getFileName().toString());
            }
        }
        for (Path entry : entries) {
            if (ARCHIVE.matcher(entry.getFileName().toString()).matches()) {
                return inZip(entry);
            }
        }
        throw new IllegalArgumentException("no CIM schema in " + schema
                + ": expected a cim_schema_<version>.mof file or a cim_schema_<version>*.zip archive");
    }

    private static DmtfSchemaLocation inZip(Path archive) throws IOException {
        String top;
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            top = zip.stream().map(ZipEntry::getName).filter(name -> TOP_FILE.matcher(name).matches())
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no cim_schema_<version>.mof at the top of " + archive));
        }
        return new DmtfSchemaLocation(MofFiles.zip(archive), top);
    }

    @Override
    public void close() throws IOException {
        files.close();
    }
}
