package io.bfx.it.spark;

import static io.bfx.it.spark.AwltData.money;
import static io.bfx.it.spark.AwltData.ts;
import static io.bfx.it.spark.LandedTable.row;

import java.math.BigDecimal;
import java.util.List;

import org.apache.spark.sql.Row;

/**
 * A small AdventureWorksLT extract whose tables refer to each other, for the Silver and Gold loads: four customers,
 * four addresses, the customers' addresses (one customer with two), three products, six orders and five order
 * lines. The schemas are the example metadata's as ADF lands them ({@link AwltData#landedSchema}). What the loads
 * must get right is in the data:
 * <ul>
 * <li>order 71783 is of customer 29957, who is not in the extract: its fact row points at the unknown member;</li>
 * <li>order 71784 has no ship-to and no bill-to address (all-NULL keys): zero-key link ends, unknown members;</li>
 * <li>order line 110625 is of product 999, not in the extract;</li>
 * <li>strings with surrounding spaces, a GUID in braces and upper case, NULLs in nullable columns, a binary photo
 * that is not hashed.</li>
 * </ul>
 */
final class AwltSales {

    static final String CUSTOMER = "SalesLT.Customer";
    static final String ADDRESS = "SalesLT.Address";
    static final String CUSTOMER_ADDRESS = "SalesLT.CustomerAddress";
    static final String PRODUCT = "SalesLT.Product";
    static final String ORDER = "SalesLT.SalesOrderHeader";
    static final String ORDER_LINE = "SalesLT.SalesOrderDetail";

    private static final byte[] PHOTO = {0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00};

    private AwltSales() {
    }

    /** Every table of the extract, referenced tables first. */
    static List<LandedTable> all() {
        return List.of(customer(), address(), customerAddress(), product(), order(), orderLine());
    }

    static LandedTable customer() {
        return table(CUSTOMER, List.of("CustomerID"), List.of(
                row(29485, false, "Ms.", "Catherine", "R.", "Abel", null, "Professional Sales and Service",
                        "adventure-works\\linda3", "catherine0@adventure-works.com", "747-555-0171",
                        "yKHJIsmgDo8RRszzKBqazg2tdn2ohGl4H/AX7YUTeRc=", "5YhXzj0=",
                        "c9381589-d2d4-4c4b-ad4b-8fae4b10ce6b", ts("2005-08-01T00:00:00")),
                row(29847, false, "Mr.", "David", null, "Hodgson", null, "Good Toys", "adventure-works\\linda3",
                        "david16@adventure-works.com", "969-555-0117",
                        "+gtwBVDEcNMnLCxbHkO/pMUYBtKljSWO5JDnSJn9kxI=", "8uIdw/Y=",
                        "{E6EA4B5F-36F4-4E0C-8C8F-7F1A3B0E4E20}", ts("2006-09-01T00:00:00")),
                row(30072, false, "Ms.", " Frances ", "B.", "Adams", null, "Eastside Department Store",
                        "adventure-works\\jae0", "frances0@adventure-works.com", "991-555-0183",
                        "kB4BGf6cDBt7R6l1ceHYOEpKrUvlh3A4EQhN7e4XYfg=", "Xg1JJgY=",
                        "9b0b5d38-9c4b-4bde-9d6e-35a0cd5d3bf8", ts("2007-09-01T12:13:14.157")),
                row(30113, false, "Mr.", "Raul", "E.", "Casts", "Jr.", "Sports Sales and Rental",
                        "adventure-works\\jillian0", null, null,
                        "hWQ9uO1ZjBOKcHi9a5R3Z0tzrKJ5c1Uy7CEu1JtWc1s=", "nbuVgm4=",
                        "f7ee3d23-bc7a-46a5-9e24-e8a8d1bcf5d1", ts("2008-01-02T03:04:05.006"))));
    }

    static LandedTable address() {
        return table(ADDRESS, List.of("AddressID"), List.of(
                row(640, "251 The Metro Center", null, "Wokingham", "England", "United Kingdom", "RG41 1QW",
                        "0e6e9e86-a637-4fd5-a7f1-de6e7f3f3c88", ts("2007-09-01T00:00:00")),
                row(653, "Eastside Department Store", "9900 Ronson Drive ", "Seattle", "Washington",
                        "United States", "98104", "a86bbd62-8fe7-4a5e-a0a4-4b81d12a4f3d", ts("2006-09-01T00:00:00")),
                row(669, "5500 Grossmont Center", null, "La Mesa", "California", "United States", "91941",
                        "{2E3A4D6B-1C5F-4F11-9B0E-6A2C9E3B7D10}", ts("2006-08-01T00:00:00")),
                row(1092, "99700 Bell Road", null, "Auburn", "California", "United States", "95603",
                        "79cdd89c-3c91-48db-8277-46d04aad7251", ts("2007-09-01T00:00:00.5"))));
    }

    static LandedTable customerAddress() {
        return table(CUSTOMER_ADDRESS, List.of("CustomerID", "AddressID"), List.of(
                row(29485, 669, "Main Office", "16765338-dbe4-4421-b5e9-3836b9278e63", ts("2007-09-01T00:00:00")),
                row(29847, 1092, "Main Office", "d4db2f12-5d5e-4f0e-8b8d-5a3a9c5f3a11", ts("2006-09-01T00:00:00")),
                row(30072, 640, "Main Office", "a7b0d3e1-4c2f-4e5a-9b6d-1f2e3d4c5b6a", ts("2007-09-01T00:00:00")),
                row(30113, 653, "Main Office", "3b2c1d0e-9f8a-4b7c-8d6e-5f4a3b2c1d0e", ts("2008-01-02T00:00:00")),
                row(30113, 1092, "Shipping ", "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f", ts("2008-01-02T00:00:00"))));
    }

    static LandedTable product() {
        return table(PRODUCT, List.of("ProductID"), List.of(
                row(680, "HL Road Frame - Black, 58", "FR-R92B-58", "Black", money("1059.3100"), money("1431.5000"),
                        "58", new BigDecimal("1016.04"), 18, 6, ts("2002-06-01T00:00:00"), null, null, PHOTO,
                        "no_image_available_small.gif", "43dd68d6-14a4-461f-9069-55309d90ea7e",
                        ts("2008-03-11T10:01:36.827")),
                row(707, "Sport-100 Helmet, Red", "HL-U509-R", "Red", money("13.0863"), money("34.9900"), null, null,
                        35, 33, ts("2005-07-01T00:00:00"), null, null, PHOTO, "no_image_available_small.gif",
                        "2e1ef41a-c08a-4ff6-8ada-bde58b64a712", ts("2008-03-11T10:01:36.827")),
                row(836, "ML Road Frame-W - Yellow, 48", "FR-R72Y-48", "Yellow", money("352.1394"), money("594.8300"),
                        "48", new BigDecimal("1199.82"), 18, 17, ts("2006-07-01T00:00:00"), ts("2007-06-30T00:00:00"),
                        null, null, null, "{3E3C3A1B-2F4D-4B5E-9C6D-7E8F9A0B1C2D}", ts("2008-03-11T10:01:36.827"))));
    }

    static LandedTable order() {
        return table(ORDER, List.of("SalesOrderID"), List.of(
                order(71774, ts("2008-06-01T00:00:00"), 29847, 1092, 1092, "880.3484", "70.4279", "22.0087", "972.7850",
                        null),
                order(71776, ts("2008-06-01T00:00:00"), 30072, 640, 640, "78.8100", "6.3048", "1.9703", "87.0851",
                        "Leave at the back door "),
                order(71780, ts("2008-06-01T00:00:00"), 30113, 653, 653, "38418.6895", "3073.4952", "960.4674",
                        "42452.6521", ""),
                order(71782, ts("2008-06-01T00:00:00.003"), 29485, 669, 669, "39785.3304", "3182.8264", "994.6333",
                        "43962.7901", null),
                order(71783, ts("2008-06-01T00:00:00"), 29957, 1092, 1092, "83858.4261", "6708.6741", "2096.4607",
                        "92663.5609", null),
                order(71784, ts("2008-06-02T00:00:00"), 29485, null, null, "108561.8317", "8684.9465", "2714.0458",
                        "119960.8240", "Counter sale")));
    }

    /** An order of the extract's shape: fixed status, dates around the order date, amounts as given. */
    static Row order(int id, java.time.Instant orderDate, int customer, Integer shipTo, Integer billTo, String subTotal,
            String tax, String freight, String total, String comment) {
        return row(id, 2, orderDate, orderDate.plusSeconds(12 * 86400), orderDate.plusSeconds(7 * 86400), 5, false,
                "SO" + id, "PO" + (348186287L + id), "10-4020-000" + (id % 1000), customer, shipTo, billTo,
                "CARGO TRANSPORT 5", id % 2 == 0 ? "105041Vi84182" : null, money(subTotal), money(tax), money(freight),
                money(total), comment, java.util.UUID.nameUUIDFromBytes(("order" + id).getBytes()).toString(),
                orderDate.plusSeconds(7 * 86400));
    }

    static LandedTable orderLine() {
        return table(ORDER_LINE, List.of("SalesOrderID", "SalesOrderDetailID"), List.of(
                row(71774, 110562, (short) 1, 836, money("356.8980"), money("0.0000"), new BigDecimal("356.898000"),
                        "e3a1994c-7a68-4ce8-96a3-77fdd3bbd730", ts("2008-06-01T00:00:00")),
                row(71774, 110563, (short) 1, 680, money("858.9000"), money("0.0000"), new BigDecimal("858.900000"),
                        "a0390cc8-0d23-4a4c-9a53-6b4b3c4e0a1c", ts("2008-06-01T00:00:00")),
                row(71776, 110567, (short) 1, 707, money("20.9940"), money("0.0000"), new BigDecimal("20.994000"),
                        "8a3448c5-e677-4158-a29b-dd33069be0b0", ts("2008-06-01T00:00:00")),
                row(71780, 110616, (short) 4, 680, money("858.9000"), money("0.0200"), new BigDecimal("3366.888000"),
                        "{A47665D2-7AC9-4CF3-8A8B-2A3883554284}", ts("2008-06-01T00:00:00")),
                row(71782, 110625, (short) 3, 999, money("24.2940"), money("0.0000"), new BigDecimal("72.882000"),
                        "5c77f557-fdb6-43ba-90b9-9a7aec55ca32", ts("2008-06-01T00:00:00"))));
    }

    private static LandedTable table(String qualifiedName, List<String> keys, List<Row> rows) {
        return new LandedTable(qualifiedName.substring(qualifiedName.indexOf('.') + 1), keys,
                AwltData.landedSchema(qualifiedName), rows);
    }
}
