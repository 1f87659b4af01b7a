package io.bfx.generate;

import java.util.List;
import java.util.Map;

/**
 * What a generation run did.
 *
 * @param written every file of the solution (relative paths, sorted)
 * @param changed how many of them got new content
 * @param deleted files of the previous run that are no longer generated and were removed
 * @param overrides template name to the override it came from (user folder or jar)
 */
public record GenerationResult(List<String> written, int changed, List<String> deleted,
        Map<String, String> overrides) {}
