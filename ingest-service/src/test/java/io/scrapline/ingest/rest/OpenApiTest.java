package io.scrapline.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.scrapline.platform.testing.EmbeddedPostgresResource;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class OpenApiTest {

    @Test
    void documentsTheWebhookAndSourceEndpointsWithExamples() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/sources/{source}/events'.post.requestBody.content.'application/cloudevents+json'"
                        + ".examples.ncr.value.type", equalTo("nonconformance_report.created"))
                .body("paths.'/api/v1/sources/{source}/events'.post.responses.'202'.content.'application/json'"
                        + ".examples.stored", notNullValue())
                .body("paths.'/api/v1/sources/{source}/events'.post.responses.'409'", notNullValue())
                .body("paths.'/api/v1/sources'.post.requestBody.content.'application/json'.examples.source",
                        notNullValue())
                .body("paths.'/api/v1/sources'.post.responses.'201'.content.'application/json'.examples.created"
                        + ".value.webhook_secret", startsWith("whsec_"))
                .body("paths.'/api/v1/sources'.get.responses.'200'.content.'application/json'.examples.sources",
                        notNullValue())
                .body("paths.'/api/v1/sources/{source}'.get.responses.'200'.content.'application/json'.examples"
                        + ".source", notNullValue())
                .body("paths.'/api/v1/sources/{source}/webhook-secret/rotate'.post.responses.'200'.content"
                        + ".'application/json'.examples.rotated.value.previous_secret_expires_at", notNullValue());
    }
}
