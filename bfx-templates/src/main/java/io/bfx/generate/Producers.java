package io.bfx.generate;

import java.util.List;

/** The producers of a complete solution, in a fixed order. */
final class Producers {

    private Producers() {}

    static List<ArtifactProducer> standard() {
        return List.of();
    }
}
