package io.bfx.it.spark;

import static io.bfx.it.spark.AwltData.ts;
import static io.bfx.it.spark.LandedTable.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * The normal-form Silver alternative (the example built with silverModel: NormalForm, src/it/awlt-normalform) on
 * Spark, through its Python notebooks, for Customer and CustomerAddress (a composite key): a normal-form table
 * holds the current state of each key, every column of its latest persistent staging version.
 * <ol>
 * <li>execution 601: every key is inserted;</li>
 * <li>execution 602, one changed row and one new key per table: the changed row is updated in place, the new key
 * inserted, the others left as they were;</li>
 * <li>execution 603 lands the same rows again: nothing changes.</li>
 * </ol>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NormalFormLoadIT {

    private static final long FIRST = 601;
    private static final long CHANGED = 602;
    private static final long UNCHANGED = 603;
    private static final List<String> OBJECTS = List.of("Customer", "CustomerAddress");

    private Layers layers;
    private final Map<String, LandedTable> extract = new LinkedHashMap<>();

    @BeforeAll
    void startFromNothing() {
        Bronze.dropSchemas();
        SilverGold.dropSchemas();
        layers = new Layers(GeneratedSolution.normalForm(), Layers.Emission.PYTHON_NOTEBOOK,
                new Landing(SharedSpark.newLandingRoot(getClass().getSimpleName())));
    }

    @Test
    @Order(1)
    void firstLoadInsertsEveryKey() {
        load(FIRST, AwltSales.customer(), AwltSales.customerAddress());

        for (String object : OBJECTS) {
            List<Map<String, Object>> table = assertCurrentState(object);
            assertEquals(extract.get(object).size(), table.size(), object);
            table.forEach(r -> assertEquals(FIRST, r.get("row_audit_id"), object));
        }
    }

    @Test
    @Order(2)
    void aChangedRowIsUpdatedAndANewKeyInserted() {
        LandedTable customers = extract.get("Customer").withValueOf(30072, "Phone", "991-555-0184")
                .withRows(row(30118, false, "Mr.", "Michael", "J.", "Sullivan", null, "Riding Cycles",
                        "adventure-works\\jae0", "michael9@adventure-works.com", "555-555-0115",
                        "2Zc2QXdmcUHO8Y5iP2pfSchbuqIrEbzR/fTJTE7P2wU=", "LrwLgNI=",
                        "8d2e6f1a-7b3c-4d5e-9f0a-1b2c3d4e5f60", ts("2008-06-01T00:00:00")));
        LandedTable addresses = extract.get("CustomerAddress").withValue(4, "AddressType", "Billing")
                .withRows(row(30118, 1092, "Main Office", "0f1e2d3c-4b5a-4697-8877-665544332211",
                        ts("2008-06-01T00:00:00")));

        load(CHANGED, customers, addresses);

        List<Map<String, Object>> nf = assertCurrentState("Customer");
        assertEquals(5, nf.size(), "four customers and a new one");
        for (Map<String, Object> r : nf) {
            Object id = r.get("CustomerID");
            boolean changed = id.equals(30072) || id.equals(30118);
            assertEquals(changed ? CHANGED : FIRST, r.get("row_audit_id"), "customer " + id);
        }
        assertEquals("991-555-0184", nf.stream().filter(r -> r.get("CustomerID").equals(30072)).findFirst()
                .orElseThrow().get("Phone"));
        List<Map<String, Object>> links = assertCurrentState("CustomerAddress");
        assertEquals(6, links.size());
        assertEquals("Billing", links.stream().filter(r -> r.get("CustomerID").equals(30113)
                && r.get("AddressID").equals(1092)).findFirst().orElseThrow().get("AddressType"));
        assertEquals(2, links.stream().filter(r -> r.get("row_audit_id").equals(CHANGED)).count());
    }

    @Test
    @Order(3)
    void anUnchangedReloadChangesNothing() {
        Map<String, List<String>> before = SilverGold.snapshot(SilverGold.DATA_VAULT);

        load(UNCHANGED, extract.get("Customer"), extract.get("CustomerAddress"));

        assertEquals(before, SilverGold.snapshot(SilverGold.DATA_VAULT));
        OBJECTS.forEach(NormalFormLoadIT::assertCurrentState);
    }

    private void load(long rowAuditId, LandedTable... tables) {
        for (LandedTable t : tables) {
            layers.landing().land(t, rowAuditId);
            extract.put(t.object(), t);
            layers.bronze(t, rowAuditId);
        }
        for (LandedTable t : tables) {
            Map<String, Long> logged = layers.normalForm(t.object());
            assertEquals(Map.of("nf", (long) t.size()), logged, t.object() + ": the count the notebook logs");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /**
     * The normal-form table holds, per key, exactly the latest persistent staging version, every column (the
     * source's columns, then row_audit_id, row_record_source, row_effective_from, row_hash). Returns its rows.
     */
    private static List<Map<String, Object>> assertCurrentState(String object) {
        Map<List<Object>, Map<String, Object>> latest = new LinkedHashMap<>();
        List<String> keys = AwltMetadata.columns("SalesLT." + object).stream()
                .filter(AwltMetadata.MetaColumn::primaryKey).map(AwltMetadata.MetaColumn::name).toList();
        for (Map<String, Object> r : ExpectedVault.psa(object)) {
            latest.put(keys.stream().map(r::get).toList(), r);
        }
        String order = String.join(", ", keys.stream().map(k -> "`" + k + "`").toList());
        List<Map<String, Object>> nf = SilverGold.records(SilverGold.DATA_VAULT, "awlt_" + object, order);
        List<Map<String, Object>> expected = latest.entrySet().stream()
                .sorted((a, b) -> compareKeys(a.getKey(), b.getKey())).map(Map.Entry::getValue).toList();
        assertEquals(expected.size(), nf.size(), object + ": one row per key");
        for (int i = 0; i < nf.size(); i++) {
            assertEquals(expected.get(i), nf.get(i), object + " row " + i);
        }
        return nf;
    }
}
