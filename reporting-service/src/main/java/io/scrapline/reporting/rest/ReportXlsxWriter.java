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
import io.scrapline.reporting.domain.ReportXlsx;

/** Writes a report for {@code Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet}. */
@Provider
@Produces(ReportXlsx.MEDIA_TYPE)
public class ReportXlsxWriter implements MessageBodyWriter<Report> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Report.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Report report, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        headers.putSingle(HttpHeaders.CONTENT_TYPE, ReportXlsx.MEDIA_TYPE);
        headers.putSingle("Content-Disposition", ReportFiles.disposition("attachment", report, "xlsx"));
        out.write(ReportXlsx.of(report));
    }
}
