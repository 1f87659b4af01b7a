package io.bfx.model.load;

import io.bfx.model.diag.Findings;
import java.util.List;

/**
 * Reads one metadata file's text into located trees (one per document), reporting problems to {@code findings}
 * instead of throwing. A file with a syntax error yields no documents, so a broken file never cascades into
 * dozens of follow-up findings.
 */
public interface TreeReader {

    /**
     * @param displayPath the path shown in findings (relative to the project, with forward slashes)
     * @param text the file content
     */
    List<Node> read(String displayPath, String text, Findings findings);
}
