package io.scrapline.reporting.rest;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import io.scrapline.reporting.domain.Report;
import io.scrapline.reporting.render.ReportXlsx;

/** Writes a report for {@code Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet}. */
@Provider
@Produces(ReportXlsx.MEDIA_TYPE)
public class ReportXlsxWriter extends ReportWriter {

    @Override
    byte[] write(Report report, MultivaluedMap<String, Object> headers) {
        headers.putSingle(HttpHeaders.CONTENT_TYPE, ReportXlsx.MEDIA_TYPE);
        headers.putSingle("Content-Disposition", disposition("attachment", report, "xlsx"));
        return ReportXlsx.of(report);
    }
}
