package io.scrapline.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTokens;

/**
 * The {@code gl-postings} record type on both paths: batches of up to 4 rows through the reactive client, larger ones
 * through {@code COPY} (the profile of {@link CopyLandingTest}). Signed amounts stored exactly, every bad row and field
 * named with nothing stored, the rows kept to their tenant and the token's plants.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(CopyLandingTest.SmallChunks.class)
class GlPostingsTest {

    private static final String PATH = "/api/v1/sources/sap-erp/records/gl-postings";
    private static final String HEADER = "source_id,plant,account,period,amount,currency,work_order,reason_code\n";

    @Inject
    TenantDb db;

    private Sender sender;

    @BeforeEach
    void sender() {
        sender = Sender.withPlant(db, "DAY1");
    }

    @Test
    void signedAmountsAreStoredExactlyOnBothPaths() {
        post(sender.token(), HEADER + posting(1, "1250.40") + posting(2, "-1250.40")).statusCode(201).body("accepted",
                equalTo(2));
        List<String> amounts = List.of("0.000001", "-999999999999.999999", "655.20", "-0.5", "10000", "-12.34");
        StringBuilder copied = new StringBuilder(HEADER);
        for (int i = 0; i < amounts.size(); i++) {
            copied.append(posting(10 + i, amounts.get(i)));
        }
        post(sender.token(), copied.toString()).statusCode(201).body("accepted", equalTo(6));
        assertThat(rows(sender.tenant(),
                "SELECT amount::text FROM gl_posting_records ORDER BY length(source_id), source_id")).containsExactly(
                        "1250.400000", "-1250.400000", "0.000001", "-999999999999.999999", "655.200000", "-0.500000",
                        "10000.000000", "-12.340000");
        assertThat(rows(sender.tenant(),
                "SELECT DISTINCT period || ' ' || currency || ' ' || account " + "FROM gl_posting_records"))
                        .containsExactly("2026-10 USD 5400-SCRAP");

        // The same document again is a duplicate; with another amount, its version 2.
        post(sender.token(), HEADER + posting(1, "1250.4")).statusCode(201).body("duplicates", equalTo(1));
        post(sender.token(), HEADER + posting(1, "1200.00")).statusCode(201).body("updated", equalTo(1));
        assertThat(rows(sender.tenant(), "SELECT max(version)::text FROM gl_posting_records WHERE source_id = 'JE-1'"))
                .containsExactly("2");
    }

    @Test
    void everyBadRowAndFieldIsNamedAndNothingIsStoredOnEitherPath() {
        String bad = HEADER + posting(1, "12.50") + "JE-2,DAY1,5400-SCRAP,2026-13,10.00,USD,,\n"
                + "JE-3,DAY1,5400-SCRAP,2026-10,1e3,USD,,\n" + "JE-4,DAY1,,2026-P07,10.00,usd,,\n";
        post(sender.token(), bad).statusCode(422).body("errors.row", equalTo(List.of(2, 3, 4, 4)))
                .body("errors.field", equalTo(List.of("period", "amount", "account", "currency")))
                .body("errors[0].message", equalTo("must be a period YYYY-MM or YYYY-Pnn"))
                .body("errors[1].message", equalTo("must be a decimal number such as 12.5"));
        String copied = bad + posting(5, "1.00") + posting(6, "2.00") + "JE-7,DAY1,5400-SCRAP,2026-10,,USD,,\n";
        post(sender.token(), copied).statusCode(422).body("errors.row", equalTo(List.of(2, 3, 4, 4, 7)))
                .body("errors[4].field", equalTo("amount")).body("errors[4].message", equalTo("is required"));
        assertThat(rows(sender.tenant(), "SELECT count(*)::text FROM gl_posting_records")).containsExactly("0");
        assertThat(rows(sender.tenant(), "SELECT count(*)::text FROM ingest_batches")).containsExactly("0");
    }

    @Test
    void postingsAreTheirTenantsAndWithinTheTokensPlants() {
        post(sender.token(), HEADER + posting(1, "100.00")).statusCode(201);
        post(sender.token(),
                HEADER + posting(2, "100.00") + posting(3, "1") + posting(4, "2") + posting(5, "3") + posting(6, "4"))
                        .statusCode(201).body("accepted", equalTo(5));

        Sender other = Sender.withPlant(db, "DAY1");
        assertThat(rows(other.tenant(), "SELECT count(*)::text FROM gl_posting_records")).containsExactly("0");
        // The same document id is new to another tenant, not a duplicate of the first's.
        post(other.token(), HEADER + posting(1, "100.00")).statusCode(201).body("accepted", equalTo(1));
        assertThat(rows(sender.tenant(), "SELECT count(*)::text FROM gl_posting_records")).containsExactly("6");

        String toledoOnly = TestTokens.get().scopedToken(sender.tenant(), List.of("TOL2"), List.of(), "ingest");
        post(toledoOnly, HEADER + posting(7, "5.00")).statusCode(403).body("errors[0].row", equalTo(1))
                .body("errors[0].field", equalTo("plant")).body("detail", containsString("outside the token's scope"));
        // A posting is the whole plant's: a token limited to lines may not send one.
        String line1Only = TestTokens.get().scopedToken(sender.tenant(), List.of("DAY1"), List.of("L1"), "ingest");
        post(line1Only, HEADER + posting(7, "5.00")).statusCode(403).body("errors[0].field", equalTo("line"));
        assertThat(rows(sender.tenant(), "SELECT count(*)::text FROM gl_posting_records WHERE source_id = 'JE-7'"))
                .containsExactly("0");
    }

    private static String posting(int i, String amount) {
        return "JE-" + i + ",DAY1,5400-SCRAP,2026-10," + amount + ",USD,WO-4100" + i + ",MACH-DIM\n";
    }

    private ValidatableResponse post(String token, String csv) {
        return given().auth().oauth2(token).contentType("text/csv").body(csv).post(PATH).then();
    }

    private List<String> rows(String tenant, String sql) {
        return CopyLandingTest.rows(db, tenant, sql);
    }
}
