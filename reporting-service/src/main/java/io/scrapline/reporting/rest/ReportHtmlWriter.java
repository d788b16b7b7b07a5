package io.scrapline.reporting.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import io.scrapline.reporting.domain.Report;
import io.scrapline.reporting.domain.ReportHtml;

/**
 * Writes a report for {@code Accept: text/html}. The page loads nothing, and its policy says so: should a description
 * ever get past the escaping, the browser still runs no script from it.
 */
@Provider
@Produces(ReportHtml.MEDIA_TYPE)
public class ReportHtmlWriter implements MessageBodyWriter<Report> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Report.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Report report, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        headers.putSingle(HttpHeaders.CONTENT_TYPE, ReportHtml.MEDIA_TYPE + ";charset=UTF-8");
        headers.putSingle("Content-Security-Policy", ReportHtml.CONTENT_SECURITY_POLICY);
        out.write(ReportHtml.of(report).getBytes(StandardCharsets.UTF_8));
    }
}
