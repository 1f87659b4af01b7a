package io.bfx.model.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's metadata reference is generated from the specification; this test keeps the copy current. */
class ReferenceDocTest {

    @Test
    void readmeReferenceIsCurrent() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int begin = readme.indexOf(ReferenceDoc.BEGIN);
        int end = readme.indexOf(ReferenceDoc.END);
        String embedded = readme.substring(begin + ReferenceDoc.BEGIN.length() + 1, end);
        assertEquals(ReferenceDoc.generate(), embedded, "README.md's reference is stale: replace the text between "
                + "the markers with the output of java -cp bfx-model/target/classes io.bfx.model.load.ReferenceDoc");
    }
}
