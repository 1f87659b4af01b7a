package io.bfx.generate;

import io.bfx.generate.adf.AdfProducer;
import io.bfx.generate.catalog.CatalogProducer;
import io.bfx.generate.databricks.DatabricksProducer;
import java.util.List;

/** The producers of a complete solution, in a fixed order. */
final class Producers {

    private Producers() {}

    static List<ArtifactProducer> standard() {
        return List.of(new AdfProducer(), new DatabricksProducer(), new CatalogProducer());
    }
}
