package io.scrapline.reporting.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import io.scrapline.reporting.domain.Report;
import io.scrapline.reporting.domain.ReportCsv;

/** Writes a report for {@code Accept: text/csv}, so the resource keeps one method and the JSON stays the default. */
@Provider
@Produces(ReportCsv.MEDIA_TYPE)
public class ReportCsvWriter implements MessageBodyWriter<Report> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Report.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Report report, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        headers.putSingle("Content-Type", ReportCsv.MEDIA_TYPE + ";charset=UTF-8");
        out.write(ReportCsv.of(report).getBytes(StandardCharsets.UTF_8));
    }
}
