package io.bfx.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Validates the bfx metadata of a data project: reads every metadata file, checks it against all rules and prints
 * every finding with file, line, column and code. Fails the build on any error (and on warnings with
 * {@code failOnWarning}).
 *
 * @since 0.1.0
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractBfxMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping bfx validation (bfx.skip=true).");
            return;
        }
        validateMetadata();
    }
}
