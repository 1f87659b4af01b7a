package io.bfx.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bfx.model.diag.Finding;
import io.bfx.model.load.MetadataReader;
import io.bfx.model.validate.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AdventureWorksLT example is the first data project a newcomer sees: it must load and validate clean. */
class ExampleProjectTest {

    static final Path EXAMPLE = Path.of("..", "examples", "awlt-databricks");

    static MetadataReader.Result read() {
        return new MetadataReader().read(EXAMPLE, EXAMPLE.resolve("src/main/bfx"), List.of(), List.of());
    }

    @Test
    void awltLoadsAndValidatesWithoutFindings() {
        MetadataReader.Result result = read();
        List<Finding> all = new ArrayList<>(result.findings());
        all.addAll(new Validator().validate(result.metadata()));
        assertEquals(List.of(), all.stream().map(Finding::format).toList());
    }

    @Test
    void awltHasAllTenSalesLtTablesWithKeys() {
        Metadata m = read().metadata();
        assertEquals(List.of("SalesLT.Address", "SalesLT.Customer", "SalesLT.CustomerAddress", "SalesLT.Product",
                "SalesLT.ProductCategory", "SalesLT.ProductDescription", "SalesLT.ProductModel",
                "SalesLT.ProductModelProductDescription", "SalesLT.SalesOrderDetail", "SalesLT.SalesOrderHeader"),
                m.objectsOf(m.project("EXT_AWLT_DBR").orElseThrow()).stream().map(DataObject::qualifiedName).toList());
        for (DataObject o : m.objects()) {
            assertTrue(!o.primaryKey().isEmpty(), o.qualifiedName() + " has a primary key");
        }
        assertEquals(List.of("SalesOrderID", "SalesOrderDetailID"),
                m.object("AWLT_SRC", "SalesLT.SalesOrderDetail").orElseThrow().primaryKey().stream()
                        .map(Column::name).toList());
    }
}
