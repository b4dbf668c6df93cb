package org.liosmis.schema;

import java.nio.file.NoSuchFileException;
import java.util.Map;

/** Compiles MOF text held in memory, on top of the built-in qualifier declarations. */
final class TestMof {

    private TestMof() {
    }

    /** Files by path; reading any other path fails as a missing file does. */
    static MofFiles files(Map<String, String> texts) {
        return path -> {
            String text = texts.get(path);
            if (text == null) {
                throw new NoSuchFileException(path);
            }
            return text;
        };
    }

    static MofCompiler compilerWithQualifiers() {
        return new MofCompiler().compile(
                MofFiles.classpath(TestMof.class.getClassLoader(), ClassRepositories.BUILT_IN_FOLDER),
                ClassRepositories.BUILT_IN_QUALIFIERS);
    }

    /** The repository of one file, test.mof, compiled on the standard qualifiers. */
    static ClassRepository compile(String text) {
        return compilerWithQualifiers().compile(files(Map.of("test.mof", text)), "test.mof").toRepository();
    }
}
