package org.liosmis.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Builds the class repositories the server can run with. */
public final class ClassRepositories {

    /** The project's classes, as packaged in the jar. */
    static final String PROJECT_MOF = "lio-smis.mof";
    static final String PROJECT_MOF_FOLDER = "mof";
    /** Our qualifier declarations and DMTF superclass subset. */
    static final String BUILT_IN_FOLDER = "org/liosmis/schema";
    static final String BUILT_IN_QUALIFIERS = "qualifiers.mof";
    static final String BUILT_IN_SUBSET = "dmtf-subset.mof";

    private ClassRepositories() {
    }

    /**
     * The repository from the classpath alone: standard qualifier declarations, the DMTF
     * classes the project derives from or refers to, and the project's LIO classes.
     *
     * @throws MofException when a packaged MOF file does not compile
     */
    public static ClassRepository builtIn() {
        ClassLoader loader = ClassRepositories.class.getClassLoader();
        MofCompiler compiler = new MofCompiler();
        MofFiles builtIn = MofFiles.classpath(loader, BUILT_IN_FOLDER);
        compiler.compile(builtIn, BUILT_IN_QUALIFIERS).compile(builtIn, BUILT_IN_SUBSET);
        return withProjectClasses(compiler);
    }

    /**
     * The complete DMTF schema with the project's LIO classes compiled on top.
     *
     * @param schema a DMTF schema: the directory it was unpacked into, its zip archive, or a
     *               directory holding that zip
     * @throws MofException when the schema or the project's MOF does not compile
     * @throws IllegalArgumentException when no schema is found there
     * @throws UncheckedIOException when the schema cannot be read
     */
    public static ClassRepository withDmtfSchema(Path schema) {
        MofCompiler compiler = new MofCompiler();
        try (DmtfSchemaLocation location = DmtfSchemaLocation.find(schema)) {
            compiler.compile(location.files(), location.topFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CIM schema at " + schema, e);
        }
        return withProjectClasses(compiler);
    }

    private static ClassRepository withProjectClasses(MofCompiler compiler) {
        ClassLoader loader = ClassRepositories.class.getClassLoader();
        return compiler.compile(MofFiles.classpath(loader, PROJECT_MOF_FOLDER), PROJECT_MOF).toRepository();
    }
}
