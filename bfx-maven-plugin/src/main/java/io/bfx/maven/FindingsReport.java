package io.bfx.maven;

import io.bfx.model.diag.Finding;
import io.bfx.model.diag.Severity;
import io.bfx.model.validate.ValidationResult;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Prints findings the way a compiler does ({@code [ERROR] src/main/bfx/awlt.yml:42:7 BFX012 message}, the hint on
 * the next line) and turns a failed validation into a {@link MojoFailureException} with a short message that
 * counts the problems and a long message that lists them, like maven-compiler-plugin.
 */
final class FindingsReport {

    private FindingsReport() {}

    static void print(Log log, List<Finding> findings) {
        for (Finding f : findings) {
            String line = f.format();
            String hint = f.hint().isEmpty() ? null : "    hint: " + f.hint();
            if (f.severity() == Severity.ERROR) {
                log.error(line);
                if (hint != null) {
                    log.error(hint);
                }
            } else {
                log.warn(line);
                if (hint != null) {
                    log.warn(hint);
                }
            }
        }
    }

    static MojoFailureException failure(Object source, ValidationResult result, boolean failOnWarning) {
        long errors = result.errorCount();
        long warnings = result.warningCount();
        String counted = errors > 0
                ? plural(errors, "error") + (warnings > 0 ? " and " + plural(warnings, "warning") : "")
                : plural(warnings, "warning") + " (failOnWarning is set)";
        String shortMessage = "bfx metadata has " + counted;
        // Maven prints the short message, then the long one when it adds something: keep the list only.
        StringBuilder longMessage = new StringBuilder();
        for (Finding f : result.findings()) {
            if (f.severity() == Severity.ERROR || failOnWarning) {
                longMessage.append(System.lineSeparator()).append(f.format());
            }
        }
        return new MojoFailureException(source, shortMessage, longMessage.toString());
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
