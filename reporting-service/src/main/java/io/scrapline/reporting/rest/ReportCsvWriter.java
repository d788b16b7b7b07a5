package io.scrapline.reporting.rest;

import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import io.scrapline.reporting.domain.Report;
import io.scrapline.reporting.render.ReportCsv;

/** Writes a report for {@code Accept: text/csv}. */
@Provider
@Produces(ReportCsv.MEDIA_TYPE)
public class ReportCsvWriter extends ReportWriter {

    @Override
    byte[] write(Report report, MultivaluedMap<String, Object> headers) {
        headers.putSingle(HttpHeaders.CONTENT_TYPE, ReportCsv.MEDIA_TYPE + ";charset=UTF-8");
        return ReportCsv.of(report).getBytes(StandardCharsets.UTF_8);
    }
}
