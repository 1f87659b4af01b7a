package io.bfx.it.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Data Vault settings DvAddZeroKeys and DvEndDateSatellite on Spark: the example generated with both set to Y
 * ({@link ExampleVariant}), Address and SalesOrderHeader (a hub, three links and a satellite; order 71784 has no
 * addresses) loaded through its Python notebooks.
 * <ol>
 * <li>execution 701: each hub, link and satellite holds exactly one ghost record (the zero key) besides the rows
 * of the data, and the link ends of the order without addresses point at the address hub's ghost; each satellite
 * row is open (row_effective_to 9999-12-31);</li>
 * <li>execution 702 changes an address: its old satellite row ends where the new one starts;</li>
 * <li>a re-run changes nothing: still one ghost record per table.</li>
 * </ol>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataVaultOptionsIT {

    private static final long FIRST = 701;
    private static final long SECOND = 702;
    private static final List<String> OBJECTS = List.of("Address", "SalesOrderHeader");
    private static final String ZERO_KEY = ExpectedVault.SPEC.zeroKey();
    private static final int EASTSIDE = 653;

    private Layers layers;
    private LandedTable addresses;

    @BeforeAll
    void generateTheVariantAndStartFromNothing() {
        GeneratedSolution variant = ExampleVariant.generate("dv-options", "environment.yml", "\nsettings:\n",
                "\nsettings:\n  DvAddZeroKeys: Y\n  DvEndDateSatellite: Y\n");
        Bronze.dropSchemas();
        SilverGold.dropSchemas();
        layers = new Layers(variant, Layers.Emission.PYTHON_NOTEBOOK,
                new Landing(SharedSpark.newLandingRoot(getClass().getSimpleName())));
    }

    @Test
    @Order(1)
    void everyHubLinkAndSatelliteHasOneGhostRecordAndAllNullKeysPointAtIt() {
        addresses = AwltSales.address();
        for (LandedTable t : List.of(addresses, AwltSales.order())) {
            layers.landing().land(t, FIRST);
            layers.bronze(t, FIRST);
        }
        OBJECTS.forEach(layers::dataVault);

        ReferenceChecks.assertDataVault(OBJECTS, true);
        for (String table : OBJECTS.stream().flatMap(o -> ExpectedVault.tablesOf(o).stream()).toList()) {
            Map<String, Object> ghost = SilverGold.records(SilverGold.DATA_VAULT, table, null).stream()
                    .filter(r -> "GHOST".equals(r.get("row_record_source"))).findFirst().orElseThrow();
            for (Map.Entry<String, Object> e : ghost.entrySet()) {
                if (e.getKey().endsWith("_SK")) {
                    assertEquals(ZERO_KEY, e.getValue(), table + "." + e.getKey() + " of the ghost record");
                }
            }
        }
        String order = ExpectedVault.SPEC.hashKey(ExpectedVault.SPEC.businessKey("awlt", List.of("71784")));
        for (String link : List.of("LNK_SalesOrderHeader_ShipToAddressID", "LNK_SalesOrderHeader_BillToAddressID")) {
            Map<String, Object> row = SilverGold.records(SilverGold.DATA_VAULT, link, null).stream()
                    .filter(r -> order.equals(r.get("SalesOrderHeader_SK"))).findFirst().orElseThrow();
            assertEquals(ZERO_KEY, row.get("Address_SK"), link + ": the order without an address");
            assertEquals(0L, SharedSpark.session().sql("SELECT count(*) FROM " + SilverGold.table(SilverGold.DATA_VAULT,
                    link) + " AS l LEFT ANTI JOIN " + SilverGold.table(SilverGold.DATA_VAULT, "HUB_Address")
                    + " AS h ON l.Address_SK = h.Address_SK WHERE l.SalesOrderHeader_SK = '" + order + "'").first()
                    .getLong(0), link + ": its zero key joins to the address hub's ghost record");
        }
        for (String sat : List.of("SAT_Address", "SAT_SalesOrderHeader")) {
            assertEquals(0L, SilverGold.count(SilverGold.DATA_VAULT, sat,
                    "row_effective_to IS NULL OR row_effective_to <> TIMESTAMP '9999-12-31 00:00:00'"),
                    sat + ": one version per key, each open");
        }
    }

    @Test
    @Order(2)
    void endDatingClosesTheOldSatelliteRowWhereTheNewOneStarts() {
        addresses = addresses.withValueOf(EASTSIDE, "City", "Redmond");
        layers.landing().land(addresses, SECOND);
        layers.bronze(addresses, SECOND);
        layers.dataVault("Address");

        ReferenceChecks.assertDataVault(OBJECTS, true);
        String key = ExpectedVault.SPEC.hashKey(ExpectedVault.SPEC.businessKey("awlt", List.of("" + EASTSIDE)));
        List<Map<String, Object>> rows = SilverGold.records(SilverGold.DATA_VAULT, "SAT_Address", "row_effective_from");
        List<Map<String, Object>> eastside = rows.stream().filter(r -> key.equals(r.get("Address_SK"))).toList();
        assertEquals(List.of("Seattle", "Redmond"), eastside.stream().map(r -> r.get("City")).toList());
        assertEquals(eastside.get(1).get("row_effective_from"), eastside.get(0).get("row_effective_to"),
                "the old row ends where the new one starts");
        assertEquals(SilverGold.END_OF_TIME, eastside.get(1).get("row_effective_to"));
        for (Map<String, Object> r : rows) {
            if (r != eastside.get(0)) {
                assertEquals(SilverGold.END_OF_TIME, r.get("row_effective_to"), "open: " + r);
            }
        }
    }

    @Test
    @Order(3)
    void rerunningChangesNothing() {
        Map<String, List<String>> before = SilverGold.snapshot(SilverGold.DATA_VAULT);

        OBJECTS.forEach(layers::dataVault);

        assertEquals(before, SilverGold.snapshot(SilverGold.DATA_VAULT));
        ReferenceChecks.assertDataVault(OBJECTS, true);
    }
}
