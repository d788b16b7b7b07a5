package io.scrapline.reporting.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import io.scrapline.reporting.domain.Report;
import io.scrapline.reporting.domain.ReportPdf;

/** Writes a report for {@code Accept: application/pdf}, shown in the browser rather than saved unasked. */
@Provider
@Produces(ReportPdf.MEDIA_TYPE)
public class ReportPdfWriter implements MessageBodyWriter<Report> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Report.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Report report, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        headers.putSingle(HttpHeaders.CONTENT_TYPE, ReportPdf.MEDIA_TYPE);
        headers.putSingle("Content-Disposition", ReportFiles.disposition("inline", report, "pdf"));
        out.write(ReportPdf.of(report));
    }
}
