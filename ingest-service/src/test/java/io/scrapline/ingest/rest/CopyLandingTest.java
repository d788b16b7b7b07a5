package io.scrapline.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.scrapline.ingest.domain.RecordType;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Batches over the copy threshold land through {@code COPY}: here every batch of more than 4 rows, in chunks of 3, so
 * that each lands in several chunks. Every record type; duplicates, updates, mixed batches, partial mode, a failure
 * after chunks were written, and the records' tenant.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(CopyLandingTest.SmallChunks.class)
class CopyLandingTest {

    public static class SmallChunks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("scrapline.ingest.chunk-size", "3", "scrapline.ingest.copy-threshold", "4",
                    "scrapline.ingest.max-rows", "40");
        }
    }

    /** A record type's CSV header and its row for record {@code i} with value {@code v} in a field that is no key. */
    record Sample(String header, RowOf row) {
    }

    interface RowOf {
        String row(int i, String v);
    }

    static final Map<RecordType, Sample> SAMPLES = Map.of(RecordType.DEFECTS,
            new Sample("source_id,plant,line,work_center,part,defect_code,quantity,disposition,occurred_at,"
                    + "customer_return,salvage_value,shift",
                    (i, v) -> "MES-" + i + ",DAY1,L1,WC-110,MFG-4471,D-114," + v + ",scrap,2026-10-14T09:30:0"
                            + (i % 10) + ".25-04:00," + (i % 2 == 0 ? "true" : "") + ",1" + i + ".5," + "A"),
            RecordType.NCRS,
            new Sample("source_id,plant,status,opened_at,disposition,defect_code,quantity,corrective_action_status",
                    (i, v) -> "NCR-" + i + ",DAY1,open,2026-10-14T10:00:00Z,scrap,D-114," + v + ",open"),
            RecordType.REWORK_LABOR,
            new Sample("source_id,plant,work_center,hours,performed_at,ncr,labor_rate",
                    (i, v) -> "LAB-" + i + ",DAY1,WC-120," + v + ",2026-10-15T08:00:00+02:00,NCR-77,42.00"),
            RecordType.STANDARD_COSTS,
            new Sample("part,plant,operation,material_cost,labor_cost,overhead_cost,currency,effective_from",
                    (i, v) -> "P-" + i + ",DAY1,0010," + v + ",30.00,0.000001,USD,2026-01-0" + (1 + i % 9)),
            RecordType.LABOR_RATES,
            new Sample("plant,work_center,rate,currency,effective_from",
                    (i, v) -> "DAY1," + (i == 1 ? "" : "WC-" + i) + "," + v + ",USD,2026-01-01"),
            RecordType.CONFIRMATIONS,
            new Sample("source_id,plant,work_order,part,operation,yield_quantity,scrap_quantity,confirmed_at",
                    (i, v) -> "CNF-" + i + ",DAY1,WO-41001,100-4471-A,0020,97," + v + ",2026-10-14T16:00:00-04:00"),
            RecordType.WORK_ORDERS,
            new Sample("work_order,plant,part,status,costing_method,wip_total,completed_quantity,scrap_action",
                    (i, v) -> "WO-" + i + ",DAY1,100-4471-A,released,actual," + v + ",97,write_off"),
            RecordType.GL_POSTINGS,
            new Sample("source_id,plant,account,period,amount,currency,work_order,reason_code", (i, v) -> "JE-" + i
                    + ",DAY1,5400-SCRAP,2026-10," + (i % 2 == 0 ? "-" : "") + v + ",USD,WO-" + i + ","));

    @Inject
    TenantDb db;

    @TestHTTPResource("/")
    URL base;

    /** HTTP/1.1: an upgrade to HTTP/2 would have the server read the whole body of a first request before it starts. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private String tenant;
    private String token;

    @BeforeEach
    void sender() {
        Sender sender = Sender.withPlant(db, "DAY1");
        tenant = sender.tenant();
        token = sender.token();
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void aResendIsDuplicatesAndAChangeANewVersion(RecordType type) {
        post(type, csv(type, 1, 8, i -> "3")).body("received", equalTo(8)).body("accepted", equalTo(8));
        post(type, csv(type, 1, 8, i -> "3")).body("duplicates", equalTo(8)).body("accepted", equalTo(0))
                .body("updated", equalTo(0));
        assertThat(count("SELECT count(*) FROM " + type.table())).isEqualTo(8);

        // Mixed: records 1-3 as they are, 4-8 changed, 9-10 new.
        post(type, csv(type, 1, 10, i -> i <= 3 ? "3" : "4.5")).body("received", equalTo(10))
                .body("duplicates", equalTo(3)).body("updated", equalTo(5)).body("accepted", equalTo(2));
        assertThat(count("SELECT count(*) FROM " + type.table())).isEqualTo(15);
        assertThat(count("SELECT count(*) FROM " + type.table() + " WHERE version = 2")).isEqualTo(5);
        assertThat(count("SELECT count(DISTINCT batch_id) FROM " + type.table())).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void recordsLandedThroughCopyAreStoredAsTheReactivePathStoresThem(RecordType type) {
        // Record 1 alone lands through the reactive client; records 1-6 again, with record 1 changed, through COPY.
        post(type, csv(type, 1, 1, i -> "12.345678"));
        post(type, csv(type, 1, 6, i -> "12.345678"));
        post(type, csv(type, 1, 1, i -> "0.5"));
        post(type, csv(type, 1, 6, i -> i == 1 ? "12.345678" : "0.5")).body("updated", equalTo(6));
        // The first and the last version of record 1 have the same content, landed by the two paths.
        List<String> versions = rows("SELECT to_jsonb(r) - 'record_id' - 'batch_id' - 'batch_row' - 'received_at' "
                + "- 'version' FROM " + type.table() + " r WHERE batch_row = 1 AND version IN (1, 3)");
        assertThat(versions).hasSize(2).allSatisfy(content -> assertThat(content).isEqualTo(versions.get(0)));
    }

    @Test
    void decimalsOfEveryMagnitudeArriveExactly() {
        List<String> quantities = List.of("0.000001", "999999999999.999999", "10000", "100000000.5", "1", "12.3400",
                "0.1", "123456789012");
        post(RecordType.DEFECTS, csv(RecordType.DEFECTS, 1, quantities.size(), i -> quantities.get(i - 1)));
        assertThat(rows("SELECT quantity::text FROM defect_records ORDER BY batch_row")).containsExactly("0.000001",
                "999999999999.999999", "10000.000000", "100000000.500000", "1.000000", "12.340000", "0.100000",
                "123456789012.000000");
    }

    @Test
    void aBatchAsJsonLandsThroughCopy() {
        String json = IntStream.rangeClosed(1, 7)
                .mapToObj(i -> "{\"source_id\": \"MES-" + i + "\", \"plant\": \"DAY1\", \"line\": \"L1\", "
                        + "\"work_center\": \"WC-110\", \"part\": \"MFG-4471\", \"defect_code\": \"D-114\", "
                        + "\"quantity\": 3, \"disposition\": \"scrap\", \"occurred_at\": \"2026-10-14T09:30:00Z\"}")
                .collect(Collectors.joining(",", "[", "]"));
        given().auth().oauth2(token).contentType("application/json").body(json)
                .post("/api/v1/sources/src/records/defects").then().statusCode(201).body("accepted", equalTo(7));
        assertThat(count("SELECT count(*) FROM defect_records")).isEqualTo(7);
    }

    @Test
    void partialModeStoresTheValidRowsAndNamesTheOthers() {
        String csv = csv(RecordType.DEFECTS, 1, 9, i -> i == 2 ? "-1" : i == 7 ? "x" : "3");
        given().auth().oauth2(token).contentType("text/csv").body(csv)
                .post("/api/v1/sources/src/records/defects?mode=partial").then().statusCode(201)
                .body("received", equalTo(9)).body("accepted", equalTo(7)).body("rejected", equalTo(2))
                .body("errors.row", equalTo(List.of(2, 7))).body("errors.field", hasItem("quantity"));
        assertThat(count("SELECT count(*) FROM defect_records")).isEqualTo(7);
        assertThat(count("SELECT count(*) FROM defect_records WHERE batch_row IN (2, 7)")).isZero();
    }

    @Test
    void anInvalidRowRefusesTheWholeBatch() {
        String csv = csv(RecordType.DEFECTS, 1, 9, i -> i == 8 ? "-1" : "3");
        given().auth().oauth2(token).contentType("text/csv").body(csv).post("/api/v1/sources/src/records/defects")
                .then().statusCode(422).body("errors[0].row", equalTo(8)).body("errors[0].field", equalTo("quantity"));
        assertThat(count("SELECT count(*) FROM defect_records")).isZero();
        assertThat(count("SELECT count(*) FROM ingest_batches")).isZero();
    }

    @Test
    void aRecordRepeatedWithOtherContentInALaterChunkIsAnError() {
        String csv = csv(RecordType.DEFECTS, 1, 6, i -> "3") + SAMPLES.get(RecordType.DEFECTS).row().row(2, "5") + "\n";
        given().auth().oauth2(token).contentType("text/csv").body(csv)
                .post("/api/v1/sources/src/records/defects?mode=partial").then().statusCode(201)
                .body("accepted", equalTo(6)).body("rejected", equalTo(1)).body("errors[0].row", equalTo(7));
        assertThat(count("SELECT count(*) FROM defect_records")).isEqualTo(6);
    }

    @Test
    void aBodyThatBreaksOffAfterChunksWereWrittenStoresNothing() {
        String csv = csv(RecordType.DEFECTS, 1, 8, i -> "3") + "\"MES-9,DAY1,L1\n";
        given().auth().oauth2(token).contentType("text/csv").body(csv).post("/api/v1/sources/src/records/defects")
                .then().statusCode(422).body("errors[0].row", equalTo(9));
        assertThat(count("SELECT count(*) FROM defect_records")).isZero();
        assertThat(count("SELECT count(*) FROM ingest_batches")).isZero();
    }

    @Test
    void aBatchOverTheRowLimitAfterChunksWereWrittenStoresNothing() {
        given().auth().oauth2(token).contentType("text/csv").body(csv(RecordType.DEFECTS, 1, 45, i -> "3"))
                .post("/api/v1/sources/src/records/defects").then().statusCode(413);
        assertThat(count("SELECT count(*) FROM defect_records")).isZero();
    }

    @Test
    void copiedRecordsAreTheSendersTenantsOnly() {
        post(RecordType.DEFECTS, csv(RecordType.DEFECTS, 1, 7, i -> "3"));
        Sender other = Sender.withPlant(db, "DAY1");
        // The same source ids from another tenant are that tenant's own new records, not versions of these.
        given().auth().oauth2(other.token()).contentType("text/csv").body(csv(RecordType.DEFECTS, 1, 7, i -> "4"))
                .post("/api/v1/sources/src/records/defects").then().statusCode(201).body("accepted", equalTo(7));

        assertThat(count("SELECT count(*) FROM defect_records WHERE version = 1 AND quantity = 3")).isEqualTo(7);
        assertThat(count("SELECT count(*) FROM defect_records WHERE quantity = 4")).isZero();
        assertThat(rows(db, other.tenant(), "SELECT count(*) FROM defect_records WHERE version = 1 AND quantity = 4"))
                .containsExactly("7");
    }

    /**
     * Two batches with the same records: the first holds its transaction open after two chunks; the second finds no
     * version of them, inserts version 1 and waits on the first's; once the first commits, it lands its chunks again
     * and stores version 2. Both land, nothing is lost.
     */
    @Test
    void aConcurrentBatchOfTheSameRecordsLandsTheNextVersions() throws Exception {
        OpenBody body = new OpenBody();
        CompletableFuture<HttpResponse<String>> first = http.sendAsync(request().POST(body.publisher()).build(),
                HttpResponse.BodyHandlers.ofString());
        body.send(csv(RecordType.DEFECTS, 1, 7, i -> "3"));
        awaitSession("state = 'idle in transaction' AND query LIKE '%defect_records%'");

        CompletableFuture<HttpResponse<String>> second = http.sendAsync(
                request().POST(HttpRequest.BodyPublishers.ofString(csv(RecordType.DEFECTS, 1, 7, i -> "4"))).build(),
                HttpResponse.BodyHandlers.ofString());
        awaitSession("wait_event_type = 'Lock' AND query LIKE '%defect_records%'");
        assertThat(second).isNotDone();
        body.end();

        HttpResponse<String> landed = first.get();
        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(201);
        assertThat(landed.body()).contains("\"accepted\":7");
        HttpResponse<String> next = second.get();
        assertThat(next.statusCode()).as(next.body()).isEqualTo(201);
        assertThat(next.body()).contains("\"updated\":7");
        assertThat(count("SELECT count(*) FROM defect_records")).isEqualTo(14);
        assertThat(count("SELECT count(*) FROM defect_records WHERE version = 1 AND quantity = 3")).isEqualTo(7);
        assertThat(count("SELECT count(*) FROM defect_records WHERE version = 2 AND quantity = 4")).isEqualTo(7);
    }

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(URI.create(base + "api/v1/sources/src/records/defects"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv");
    }

    /** Waits until a session of the application role matches {@code condition} on {@code pg_stat_activity}. */
    private void awaitSession(String condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (count("SELECT count(*) FROM pg_stat_activity WHERE usename = current_user AND pid <> "
                    + "pg_backend_pid() AND " + condition) > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no session where " + condition);
    }

    private String csv(RecordType type, int from, int to, IntFunction<String> value) {
        Sample sample = SAMPLES.get(type);
        return sample.header() + "\n" + IntStream.rangeClosed(from, to)
                .mapToObj(i -> sample.row().row(i, value.apply(i)) + "\n").collect(Collectors.joining());
    }

    private ValidatableResponse post(RecordType type, String csv) {
        return given().auth().oauth2(token).contentType("text/csv").body(csv)
                .post("/api/v1/sources/src/records/" + type.path()).then().statusCode(201);
    }

    private long count(String sql) {
        String value = rows(sql).get(0);
        return "null".equals(value) ? 0L : Long.parseLong(value);
    }

    private List<String> rows(String sql) {
        return rows(db, tenant, sql);
    }

    /** The first column of each row {@code sql} answers in {@code tenant}'s context, as text. */
    static List<String> rows(TenantDb db, String tenant, String sql) {
        return db.inTenant(tenant, connection -> connection.preparedQuery(sql).execute(Tuple.tuple())).map(rows -> {
            List<String> texts = new ArrayList<>();
            for (Row row : rows) {
                texts.add(String.valueOf(row.getValue(0)));
            }
            return texts;
        }).await().indefinitely();
    }
}
