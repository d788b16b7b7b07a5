package io.scrapline.reporting.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;

import io.scrapline.reporting.domain.Report;

/**
 * Writes a report in the format its subclass {@code @Produces}, so the resource keeps one method and JSON stays the
 * default.
 */
abstract class ReportWriter implements MessageBodyWriter<Report> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Report.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Report report, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        out.write(write(report, headers));
    }

    /** The report in this format; sets the headers the format needs. */
    abstract byte[] write(Report report, MultivaluedMap<String, Object> headers);

    /**
     * The file name a browser saves a report under, report-DAY1-2026-10.pdf, or report-DAY1-2026-10-to-2026-10-14.pdf
     * for a report cut at a day. Plant codes are the tenant's own; anything but letters, digits, '-', '_' and '.'
     * becomes '_' in a name.
     */
    static String disposition(String kind, Report report, String extension) {
        String name = ("report-" + report.plant() + "-" + report.period()
                + (report.window() == null ? "" : "-to-" + report.window().through())).replaceAll("[^A-Za-z0-9._-]",
                        "_");
        return kind + "; filename=\"" + name + "." + extension + "\"";
    }
}
