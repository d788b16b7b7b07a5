package io.scrapline.reporting.rest;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import io.scrapline.reporting.domain.Report;
import io.scrapline.reporting.render.ReportPdf;

/** Writes a report for {@code Accept: application/pdf}, shown in the browser rather than saved unasked. */
@Provider
@Produces(ReportPdf.MEDIA_TYPE)
public class ReportPdfWriter extends ReportWriter {

    @Override
    byte[] write(Report report, MultivaluedMap<String, Object> headers) {
        headers.putSingle(HttpHeaders.CONTENT_TYPE, ReportPdf.MEDIA_TYPE);
        headers.putSingle("Content-Disposition", disposition("inline", report, "pdf"));
        return ReportPdf.of(report);
    }
}
