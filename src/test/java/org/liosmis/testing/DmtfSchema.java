package org.liosmis.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;

/**
 * Where the tests find the DMTF CIM schema release: the environment variable
 * LIO_SMIS_CIM_SCHEMA. The schema is DMTF's to publish, so it is never part of the project.
 */
public final class DmtfSchema {

    public static final String VARIABLE = "LIO_SMIS_CIM_SCHEMA";
    private static final String ZIP = "cim_schema_2.49.0Final-MOFs.zip";
    private static final String DOWNLOAD = "https://www.dmtf.org/standards/cim/cim_schema_v2490/" + ZIP;

    private DmtfSchema() {
    }

    /** The schema's location; when the variable is unset, fails saying what to set and where to get the schema. */
    public static Path location() {
        String location = System.getenv(VARIABLE);
        // "${" : an IDE's unexpanded placeholder counts as unset
        if (location == null || location.isBlank() || location.startsWith("${")) {
            fail(VARIABLE + " is not set. Set it to the DMTF CIM schema 2.49 Final MOFs: the file " + ZIP
                    + ", a directory holding it, or the directory it unpacks to. DMTF publishes the zip at "
                    + DOWNLOAD + ". For example: " + VARIABLE + "=$HOME/cim-schema ./mvnw verify");
        }
        return Path.of(location);
    }
}
