package io.bfx.it.spark;

import static io.bfx.it.spark.ExpectedVault.SPEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * AdventureWorksLT through all three layers on Spark, as the steps of one story on the same tables. Each batch lands
 * the extracts that changed, runs Bronze for them, then the Silver units (Data Vault) and the Gold units
 * (dimensions, then facts) that read them; after every batch each row of every Silver and Gold table must be what
 * {@link ReferenceChecks} computes in Java. The batches take turns with the three emissions of the Silver and Gold
 * SQL (the statements of the three are the same, see {@link SilverGoldStatementsIT}), so each runs for real:
 * <ol>
 * <li>batch 501, Python notebooks: everything lands and loads; the row counts of every hub, link, satellite,
 * dimension and fact;</li>
 * <li>batch 502, procedures: a customer's last name changes (type 2): the old dimension version is closed where
 * the new one starts; orders dated before and after the change point at the version valid on their date;</li>
 * <li>batch 503, Python notebooks: the last name changes back (A -> B -> A): three satellite rows, three
 * versions;</li>
 * <li>batches 504 and 505, SQL-scripting notebooks: Bronze runs twice before Silver and Gold run once; an
 * address changes in both batches and both changes are kept in order; a type 1 change of the customer reaches all
 * three of its versions;</li>
 * <li>batch 505 again, every Silver and Gold unit (SQL-scripting notebooks): nothing changes anywhere. (Re-running
 * Bronze adds nothing to persistent staging: the Bronze scenario proves it, see {@link BronzeLoadScenario}.)</li>
 * </ol>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AllLayersLoadIT {

    private static final long FIRST = 501;
    private static final long SECOND = 502;
    private static final long THIRD = 503;
    private static final long FOURTH = 504;
    private static final long FIFTH = 505;
    private static final int DAVID = 29847;
    private static final int EASTSIDE = 653;

    private Layers layers;
    /** The latest extract of each object, by object name. */
    private final Map<String, LandedTable> extract = new LinkedHashMap<>();
    /** Dimension rows as the latest check read them. */
    private Map<String, List<Map<String, Object>>> dimensions = new HashMap<>();

    @BeforeAll
    void startFromNothing() {
        Bronze.dropSchemas();
        SilverGold.dropSchemas();
        layers = Layers.example(new Landing(SharedSpark.newLandingRoot(getClass().getSimpleName())),
                Layers.Emission.PYTHON_NOTEBOOK);
    }

    @Test
    @Order(1)
    void firstBatchLoadsEveryHubLinkSatelliteDimensionAndFact() {
        AwltSales.all().forEach(t -> land(t, FIRST));

        extract.values().forEach(t -> layers.bronze(t, FIRST));
        Map<String, Map<String, Long>> logged = runSilverAndGold(layers);

        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("HUB_Customer", 4L);
        expected.put("HUB_Address", 4L);
        expected.put("HUB_Product", 3L);
        expected.put("HUB_SalesOrderHeader", 6L);
        expected.put("HUB_SalesOrderDetail", 5L);
        expected.put("LNK_CustomerAddress", 5L);
        expected.put("LNK_SalesOrderHeader_CustomerID", 6L);
        expected.put("LNK_SalesOrderHeader_ShipToAddressID", 6L);
        expected.put("LNK_SalesOrderHeader_BillToAddressID", 6L);
        expected.put("LNK_SalesOrderDetail_SalesOrderID", 5L);
        expected.put("LNK_SalesOrderDetail_ProductID", 5L);
        expected.put("LNK_Product_ProductCategoryID", 3L);
        expected.put("LNK_Product_ProductModelID", 3L);
        expected.put("SAT_Customer", 4L);
        expected.put("SAT_Address", 4L);
        expected.put("LSAT_CustomerAddress", 5L);
        expected.put("SAT_Product", 3L);
        expected.put("SAT_SalesOrderHeader", 6L);
        expected.put("SAT_SalesOrderDetail", 5L);
        Map<String, Long> actual = new LinkedHashMap<>();
        expected.keySet().forEach(t -> actual.put(t, SilverGold.count(SilverGold.DATA_VAULT, t)));
        assertEquals(expected, actual, "rows of the Data Vault");
        Map<String, Long> mart = new LinkedHashMap<>();
        mart.put("DimCustomer", 5L); // with the unknown member
        mart.put("DimAddress", 5L);
        mart.put("DimProduct", 4L);
        mart.put("FactSalesOrder", 6L);
        mart.put("FactSalesOrderLine", 5L);
        Map<String, Long> martActual = new LinkedHashMap<>();
        mart.keySet().forEach(t -> martActual.put(t, SilverGold.count(SilverGold.MART, t)));
        assertEquals(mart, martActual, "rows of the sales mart");
        assertEquals(Map.of("hub", 6L, "lnk_CustomerID", 6L, "lnk_ShipToAddressID", 6L, "lnk_BillToAddressID", 6L,
                "sat", 6L), logged.get("SalesOrderHeader"), "the counts the order's Silver notebook logs");
        assertEquals(Map.of("dim", 5L), logged.get("DimCustomer"));
        assertEquals(Map.of("fact", 6L), logged.get("FactSalesOrder"));

        ReferenceChecks.assertDataVault();
        dimensions = ReferenceChecks.assertMart();
        // What the data holds for Gold: an order of a customer outside the extract, one without addresses,
        // an order line of a product outside the extract.
        assertEquals(-1L, factKey(ExpectedMart.ORDERS, 71783, "DimCustomer_key"));
        assertEquals(-1L, factKey(ExpectedMart.ORDERS, 71784, "ShipToAddress_key"));
        assertEquals(-1L, factKey(ExpectedMart.ORDER_LINES, 71782, "DimProduct_key"));
        assertNotEquals(-1L, factKey(ExpectedMart.ORDERS, 71784, "DimCustomer_key"));
    }

    @Test
    @Order(2)
    void typeTwoChangeClosesTheOldVersionAndFactsPointAtTheVersionValidOnTheirDate() {
        land(extract.get("Customer").withValueOf(DAVID, "LastName", "Hodgson-Smith"), SECOND);
        layers.bronze(extract.get("Customer"), SECOND);
        Instant changed = latestVersion("Customer", "CustomerID", DAVID);
        // Orders of the same extract, landed after the customers loaded: one placed a second after the change
        // was loaded, one placed in 2008, before it.
        land(extract.get("SalesOrderHeader").withRows(
                AwltSales.order(71790, changed.plusSeconds(1), DAVID, 1092, 1092, "100.0000", "8.0000", "2.5000",
                        "110.5000", null),
                AwltSales.order(71791, AwltData.ts("2008-07-01T00:00:00"), DAVID, 1092, 1092, "200.0000",
                        "16.0000", "5.0000", "221.0000", null)), SECOND);
        layers.bronze(extract.get("SalesOrderHeader"), SECOND);
        Layers procedures = layers.via(Layers.Emission.PROCEDURES);
        procedures.dataVault("Customer");
        procedures.dataVault("SalesOrderHeader");
        procedures.dimension("DimCustomer");
        procedures.fact("FactSalesOrder");

        ReferenceChecks.assertDataVault();
        dimensions = ReferenceChecks.assertMart();
        List<Map<String, Object>> versions = versions(ExpectedMart.CUSTOMER, DAVID);
        assertEquals(2, versions.size(), "a type 2 change opens a version");
        Map<String, Object> old = versions.get(0);
        Map<String, Object> current = versions.get(1);
        assertEquals(SilverGold.BEGINNING, old.get("row_valid_from"), "the first version is valid from GlobalDefaultDate");
        assertEquals(changed, current.get("row_valid_from"));
        assertEquals(current.get("row_valid_from"), old.get("row_valid_to"), "the old version ends where the new one starts");
        assertEquals(false, old.get("row_is_current"));
        assertEquals(true, current.get("row_is_current"));
        assertEquals(SilverGold.END_OF_TIME, current.get("row_valid_to"));
        assertEquals("Hodgson", old.get("LastName"));
        assertEquals("Hodgson-Smith", current.get("LastName"));
        assertEquals(current.get(ExpectedMart.CUSTOMER.key()), factKey(ExpectedMart.ORDERS, 71790, "DimCustomer_key"),
                "an order after the change: the new version");
        assertEquals(old.get(ExpectedMart.CUSTOMER.key()), factKey(ExpectedMart.ORDERS, 71791, "DimCustomer_key"),
                "an order before the change, loaded after it: the old version");
        assertEquals(old.get(ExpectedMart.CUSTOMER.key()), factKey(ExpectedMart.ORDERS, 71774, "DimCustomer_key"));
        assertEquals(-1L, factKey(ExpectedMart.ORDERS, 71783, "DimCustomer_key"), "no version: the unknown member");
    }

    @Test
    @Order(3)
    void changingAValueBackKeepsThreeSatelliteRowsAndThreeVersions() {
        land(extract.get("Customer").withValueOf(DAVID, "LastName", "Hodgson"), THIRD);
        layers.bronze(extract.get("Customer"), THIRD);
        layers.dataVault("Customer");
        layers.dimension("DimCustomer");

        ReferenceChecks.assertDataVault();
        dimensions = ReferenceChecks.assertMart();
        List<String> hashDiffs = satellite("SAT_Customer", ExpectedVault.CUSTOMER, DAVID);
        assertEquals(3, hashDiffs.size(), "A -> B -> A: three satellite rows");
        assertEquals(hashDiffs.get(0), hashDiffs.get(2));
        assertNotEquals(hashDiffs.get(0), hashDiffs.get(1));
        List<Map<String, Object>> versions = versions(ExpectedMart.CUSTOMER, DAVID);
        assertEquals(List.of("Hodgson", "Hodgson-Smith", "Hodgson"), versions.stream().map(v -> v.get("LastName")).toList());
        assertEquals(List.of(false, false, true), versions.stream().map(v -> v.get("row_is_current")).toList());
    }

    @Test
    @Order(4)
    void twoChangesInOneBatchAreBothKeptInOrderAndTypeOneReachesEveryVersion() {
        land(extract.get("Address").withValueOf(EASTSIDE, "City", "Redmond"), FOURTH);
        land(extract.get("Customer").withValueOf(DAVID, "EmailAddress", "david.hodgson@adventure-works.com"), FOURTH);
        layers.bronze(extract.get("Address"), FOURTH);
        layers.bronze(extract.get("Customer"), FOURTH);
        land(extract.get("Address").withValueOf(EASTSIDE, "City", "Bellevue"), FIFTH);
        layers.bronze(extract.get("Address"), FIFTH);
        Layers scripts = layers.via(Layers.Emission.SQL_SCRIPTING_NOTEBOOK);
        scripts.dataVault("Address");
        scripts.dataVault("Customer");
        scripts.dimension("DimAddress");
        scripts.dimension("DimCustomer");

        ReferenceChecks.assertDataVault();
        dimensions = ReferenceChecks.assertMart();
        List<Map<String, Object>> sat = SilverGold.records(SilverGold.DATA_VAULT, "SAT_Address",
                "row_effective_from").stream().filter(r -> r.get("Address_SK").equals(hubKey(ExpectedVault.ADDRESS,
                EASTSIDE))).toList();
        assertEquals(List.of("Seattle", "Redmond", "Bellevue"), sat.stream().map(r -> r.get("City")).toList(),
                "both changes of one batch, in load order");
        assertEquals(List.of(FIRST, FOURTH, FIFTH), sat.stream().map(r -> r.get("row_audit_id")).toList());
        List<Map<String, Object>> versions = versions(ExpectedMart.ADDRESS, EASTSIDE);
        assertEquals(List.of("Seattle", "Redmond", "Bellevue"), versions.stream().map(v -> v.get("City")).toList());
        assertEquals(versions.get(1).get("row_valid_from"), versions.get(0).get("row_valid_to"));
        assertEquals(versions.get(2).get("row_valid_from"), versions.get(1).get("row_valid_to"));
        assertTrue(((Instant) versions.get(1).get("row_valid_from")).isBefore((Instant) versions.get(2).get("row_valid_from")));
        List<Map<String, Object>> david = versions(ExpectedMart.CUSTOMER, DAVID);
        assertEquals(3, david.size(), "a type 1 change opens no version");
        for (Map<String, Object> v : david) {
            assertEquals("david.hodgson@adventure-works.com", v.get("EmailAddress"), "type 1: every version");
            assertEquals(david.get(2).get("row_hash_type1"), v.get("row_hash_type1"));
        }
    }

    @Test
    @Order(5)
    void rerunningTheLatestBatchChangesNothingInAnyLayer() {
        Map<String, List<String>> before = everyTable();

        runSilverAndGold(layers.via(Layers.Emission.SQL_SCRIPTING_NOTEBOOK));

        assertEquals(before, everyTable());
        assertFalse(before.isEmpty());
    }

    /** Lands an extract and keeps it as the object's latest. */
    private void land(LandedTable table, long rowAuditId) {
        layers.landing().land(table, rowAuditId);
        extract.put(table.object(), table);
    }

    /** Every Silver unit, then every Gold unit, as the job runs them; the counts the notebooks log, by unit. */
    private Map<String, Map<String, Long>> runSilverAndGold(Layers by) {
        Map<String, Map<String, Long>> logged = new LinkedHashMap<>();
        extract.keySet().forEach(o -> logged.put(o, by.dataVault(o)));
        ExpectedMart.DIMENSIONS.forEach(d -> logged.put(d.name(), by.dimension(d.name())));
        ExpectedMart.FACTS.forEach(f -> logged.put(f.name(), by.fact(f.name())));
        return logged;
    }

    private static Map<String, List<String>> everyTable() {
        return SilverGold.snapshot(SilverGold.DATA_VAULT, SilverGold.MART);
    }

    /** When the latest persistent staging version of a key was loaded. */
    private static Instant latestVersion(String object, String keyColumn, Object key) {
        List<Map<String, Object>> psa = ExpectedVault.psa(object);
        return (Instant) psa.stream().filter(r -> r.get(keyColumn).equals(key)).reduce((a, b) -> b).orElseThrow()
                .get("row_effective_from");
    }

    private static String hubKey(ExpectedVault.Hub hub, Object key) {
        return SPEC.hashKey(SPEC.businessKey(ExpectedVault.RECORD_SOURCE, List.of(String.valueOf(key))));
    }

    /** The hash diffs of a key's satellite rows, oldest first. */
    private static List<String> satellite(String table, ExpectedVault.Hub hub, Object key) {
        return SilverGold.records(SilverGold.DATA_VAULT, table, "row_effective_from").stream()
                .filter(r -> r.get(hub.hashKey()).equals(hubKey(hub, key)))
                .map(r -> (String) r.get("row_hash_diff")).toList();
    }

    /** A key's dimension versions, oldest first. */
    private List<Map<String, Object>> versions(ExpectedMart.Dimension d, Object key) {
        return dimensions.get(d.name()).stream().filter(r -> key.equals(r.get(d.keys().get(0))))
                .sorted(java.util.Comparator.comparing(r -> (Instant) r.get("row_valid_from"))).toList();
    }

    private static Object factKey(ExpectedMart.Fact f, Object key, String column) {
        return SilverGold.records(SilverGold.MART, f.name(), null).stream()
                .filter(r -> key.equals(r.get(f.keys().get(0)))).findFirst().orElseThrow().get(column);
    }
}
