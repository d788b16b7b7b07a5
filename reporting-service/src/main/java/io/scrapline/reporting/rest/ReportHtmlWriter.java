package io.scrapline.reporting.rest;

import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import io.scrapline.reporting.domain.Report;
import io.scrapline.reporting.render.ReportHtml;

/**
 * Writes a report for {@code Accept: text/html}. The page loads nothing, and its policy says so: should a description
 * ever get past the escaping, the browser still runs no script from it.
 */
@Provider
@Produces(ReportHtml.MEDIA_TYPE)
public class ReportHtmlWriter extends ReportWriter {

    @Override
    byte[] write(Report report, MultivaluedMap<String, Object> headers) {
        headers.putSingle(HttpHeaders.CONTENT_TYPE, ReportHtml.MEDIA_TYPE + ";charset=UTF-8");
        headers.putSingle("Content-Security-Policy", ReportHtml.CONTENT_SECURITY_POLICY);
        return ReportHtml.of(report).getBytes(StandardCharsets.UTF_8);
    }
}
