package io.scrapline.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A trace collector for tests: an HTTP server that takes what the services export by OTLP over HTTP
 * ({@code POST /v1/traces}, an {@code ExportTraceServiceRequest} in protobuf) and keeps each span with the
 * {@code service.name} of its resource. It reads only the fields a test looks at, straight off the wire format.
 */
final class OtlpReceiver implements AutoCloseable {

    /** A span as exported: ids in lower-case hex, parent empty for a root span. */
    record Span(String service, String traceId, String spanId, String parentSpanId, String name) {
    }

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/v1/traces", receiver::receive);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the OTLP receiver", e);
        }
    }

    /** The base URL the services export to (their {@code quarkus.otel.exporter.otlp.traces.endpoint}). */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Span> spans() {
        return List.copyOf(spans);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            byte[] request = body.readAllBytes();
            for (Field resourceSpans : Field.read(request, 1)) {
                String service = "";
                for (Field resource : Field.read(resourceSpans.bytes(), 1)) {
                    for (Field attribute : Field.read(resource.bytes(), 1)) {
                        if (Field.string(attribute.bytes(), 1).equals("service.name")) {
                            service = Field.read(attribute.bytes(), 2).stream().findFirst()
                                    .map(value -> Field.string(value.bytes(), 1)).orElse("");
                        }
                    }
                }
                for (Field scopeSpans : Field.read(resourceSpans.bytes(), 2)) {
                    for (Field span : Field.read(scopeSpans.bytes(), 2)) {
                        byte[] bytes = span.bytes();
                        spans.add(new Span(service, Field.hex(bytes, 1), Field.hex(bytes, 2), Field.hex(bytes, 4),
                                Field.string(bytes, 5)));
                    }
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, 0);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A length-delimited field of a protobuf message; other wire types are skipped. */
    private record Field(int number, byte[] bytes) {

        /** The length-delimited fields numbered {@code number} of {@code message}, in order. */
        static List<Field> read(byte[] message, int number) {
            List<Field> found = new ArrayList<>();
            int[] at = { 0 };
            while (at[0] < message.length) {
                long key = varint(message, at);
                int wireType = (int) (key & 7);
                switch (wireType) {
                    case 0 -> varint(message, at);
                    case 1 -> at[0] += 8;
                    case 5 -> at[0] += 4;
                    case 2 -> {
                        int length = (int) varint(message, at);
                        if ((int) (key >>> 3) == number) {
                            byte[] value = new byte[length];
                            System.arraycopy(message, at[0], value, 0, length);
                            found.add(new Field(number, value));
                        }
                        at[0] += length;
                    }
                    default -> throw new IllegalArgumentException("wire type " + wireType + " in an OTLP message");
                }
            }
            return found;
        }

        static String string(byte[] message, int number) {
            return read(message, number).stream().findFirst()
                    .map(field -> new String(field.bytes(), StandardCharsets.UTF_8)).orElse("");
        }

        static String hex(byte[] message, int number) {
            return read(message, number).stream().findFirst().map(field -> HexFormat.of().formatHex(field.bytes()))
                    .orElse("");
        }

        private static long varint(byte[] message, int[] at) {
            long value = 0;
            for (int shift = 0;; shift += 7) {
                byte next = message[at[0]++];
                value |= (long) (next & 0x7f) << shift;
                if (next >= 0) {
                    return value;
                }
            }
        }
    }
}
