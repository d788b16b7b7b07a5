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

import io.scrapline.reporting.domain.LedgerReconciliation;
import io.scrapline.reporting.render.LedgerTables;
import io.scrapline.reporting.render.ReportCsv;
import io.scrapline.reporting.render.ReportHtml;
import io.scrapline.reporting.render.ReportPdf;
import io.scrapline.reporting.render.ReportXlsx;

/** Writes a ledger reconciliation in the report's formats other than JSON, through the report's renderers. */
@Provider
@Produces({ ReportCsv.MEDIA_TYPE, ReportXlsx.MEDIA_TYPE, ReportPdf.MEDIA_TYPE, ReportHtml.MEDIA_TYPE })
public class LedgerWriter implements MessageBodyWriter<LedgerReconciliation> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return LedgerReconciliation.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(LedgerReconciliation ledger, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        String name = ("ledger-" + ledger.plant() + "-" + ledger.period()).replaceAll("[^A-Za-z0-9._-]", "_");
        String kind = mediaType.getType() + "/" + mediaType.getSubtype();
        byte[] body = switch (kind) {
            case ReportCsv.MEDIA_TYPE -> {
                headers.putSingle(HttpHeaders.CONTENT_TYPE, ReportCsv.MEDIA_TYPE + ";charset=UTF-8");
                yield LedgerTables.csv(ledger).getBytes(StandardCharsets.UTF_8);
            }
            case ReportXlsx.MEDIA_TYPE -> {
                headers.putSingle(HttpHeaders.CONTENT_TYPE, ReportXlsx.MEDIA_TYPE);
                headers.putSingle("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"");
                yield ReportXlsx.of(LedgerTables.of(ledger), ledger.currency());
            }
            case ReportPdf.MEDIA_TYPE -> {
                headers.putSingle(HttpHeaders.CONTENT_TYPE, ReportPdf.MEDIA_TYPE);
                headers.putSingle("Content-Disposition", "inline; filename=\"" + name + ".pdf\"");
                yield ReportPdf.of(LedgerTables.heading(), LedgerTables.title(ledger), LedgerTables.subtitle(ledger),
                        LedgerTables.of(ledger));
            }
            default -> {
                headers.putSingle(HttpHeaders.CONTENT_TYPE, ReportHtml.MEDIA_TYPE + ";charset=UTF-8");
                headers.putSingle("Content-Security-Policy", ReportHtml.CONTENT_SECURITY_POLICY);
                yield ReportHtml.of(LedgerTables.heading(), LedgerTables.title(ledger), LedgerTables.subtitle(ledger),
                        LedgerTables.of(ledger)).getBytes(StandardCharsets.UTF_8);
            }
        };
        out.write(body);
    }
}
