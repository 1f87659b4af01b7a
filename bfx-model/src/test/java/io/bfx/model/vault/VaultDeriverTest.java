package io.bfx.model.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bfx.model.Column;
import io.bfx.model.Metadata;
import io.bfx.model.load.MetadataReader;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Data Vault derived from AdventureWorksLT, table by table. */
class VaultDeriverTest {

    static final Path EXAMPLE = Path.of("..", "examples", "awlt-databricks");

    private static Vault awlt() {
        Metadata m = new MetadataReader().read(EXAMPLE, EXAMPLE.resolve("src/main/bfx"), List.of(), List.of()).metadata();
        return new VaultDeriver(m).derive(m.project("EXT_AWLT_DBR").orElseThrow());
    }

    @Test
    void everyObjectWithItsOwnKeyIsAHub() {
        assertEquals(List.of("HUB_Address", "HUB_Customer", "HUB_Product", "HUB_ProductCategory",
                "HUB_ProductDescription", "HUB_ProductModel", "HUB_ProductModelProductDescription",
                "HUB_SalesOrderDetail", "HUB_SalesOrderHeader"),
                awlt().hubs().stream().map(Hub::name).sorted().toList());
        Hub detail = awlt().hubs().stream().filter(h -> h.entity().equals("SalesOrderDetail")).findFirst().orElseThrow();
        assertEquals("SalesOrderDetail_SK", detail.hashKey());
        assertEquals("SalesOrderDetail_BK", detail.businessKey());
        assertEquals(List.of("SalesOrderID", "SalesOrderDetailID"), detail.keyColumns().stream().map(Column::name).toList());
    }

    @Test
    void anObjectKeyedOnlyByReferencesIsALinkWithALinkSatellite() {
        Link ca = awlt().links().stream().filter(l -> l.name().equals("LNK_CustomerAddress")).findFirst().orElseThrow();
        assertEquals(List.of("HUB_Customer:Customer_SK", "HUB_Address:Address_SK"),
                ca.ends().stream().map(e -> e.hub().name() + ":" + e.hashKeyColumn()).toList());
        Satellite lsat = awlt().satellites().stream().filter(s -> s.name().equals("LSAT_CustomerAddress")).findFirst()
                .orElseThrow();
        assertEquals(ca, lsat.link());
        assertNull(lsat.hub());
        assertEquals(List.of("AddressType", "rowguid", "ModifiedDate"), lsat.attributes().stream().map(Column::name).toList());
    }

    @Test
    void eachReferenceBecomesALinkAndLeavesTheSatellite() {
        String links = awlt().links().stream().map(Link::name).sorted().collect(Collectors.joining(","));
        assertEquals(String.join(",", List.of("LNK_CustomerAddress", "LNK_ProductCategory_ParentProductCategoryID",
                "LNK_ProductModelProductDescription_ProductDescriptionID", "LNK_ProductModelProductDescription_ProductModelID",
                "LNK_Product_ProductCategoryID", "LNK_Product_ProductModelID", "LNK_SalesOrderDetail_ProductID",
                "LNK_SalesOrderDetail_SalesOrderID", "LNK_SalesOrderHeader_BillToAddressID",
                "LNK_SalesOrderHeader_CustomerID", "LNK_SalesOrderHeader_ShipToAddressID")), links);
        Satellite header = awlt().satellites().stream().filter(s -> s.name().equals("SAT_SalesOrderHeader")).findFirst()
                .orElseThrow();
        List<String> attributes = header.attributes().stream().map(Column::name).toList();
        assertTrue(!attributes.contains("CustomerID") && !attributes.contains("SalesOrderID")
                && attributes.contains("TotalDue"), attributes.toString());
        assertTrue(awlt().skipped().isEmpty(), awlt().skipped().toString());
    }

    @Test
    void aSelfReferenceNamesItsSecondEndAfterTheColumn() {
        Link parent = awlt().links().stream().filter(l -> l.name().equals("LNK_ProductCategory_ParentProductCategoryID"))
                .findFirst().orElseThrow();
        assertEquals(List.of("ProductCategory_SK", "ParentProductCategoryID_SK"),
                parent.ends().stream().map(LinkEnd::hashKeyColumn).toList());
    }

    @Test
    void ignoredAndNotHashedColumnsFollowTheirRules() {
        Satellite customer = awlt().satellites().stream().filter(s -> s.name().equals("SAT_Customer")).findFirst()
                .orElseThrow();
        List<String> attributes = customer.attributes().stream().map(Column::name).toList();
        assertTrue(!attributes.contains("PasswordHash"), "IGN columns stay out of the vault");
        Satellite product = awlt().satellites().stream().filter(s -> s.name().equals("SAT_Product")).findFirst().orElseThrow();
        assertTrue(product.attributes().stream().anyMatch(c -> c.name().equals("ThumbNailPhoto")));
        assertTrue(product.hashed().stream().noneMatch(c -> c.name().equals("ThumbNailPhoto")), "notHashed is stored, not hashed");
    }
}
