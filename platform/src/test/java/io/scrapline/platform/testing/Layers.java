package io.scrapline.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The house's layering, checked on a service's sources: {@code rest → service → repository → domain}. A resource
 * reaches data through a service, never a repository; a service does not see the rest layer's request and response
 * types; a repository takes and returns domain types; the domain depends on no layer. A client (outbound calls, which
 * services use) works on domain types and calls no layer. Only the rest layer sees the request's {@code Caller}: below
 * it a use case is handed the tenant and scope it needs, so that it cannot open a transaction in the caller's name.
 * Other packages (config, job) are not checked.
 */
public final class Layers {

    /** What each layer may not import, as the next segment of the service's base package. */
    private static final Map<String, Set<String>> FORBIDDEN = Map.of("rest", Set.of("repository"), "service",
            Set.of("rest"), "repository", Set.of("rest", "service"), "domain", Set.of("rest", "service", "repository"),
            "client", Set.of("rest", "service", "repository"));

    /** The authenticated caller of a request, which only the rest layer may import. */
    private static final String CALLER = "io.scrapline.platform.auth.Caller";
    private static final Pattern CALLER_IMPORT = Pattern.compile("^import " + Pattern.quote(CALLER) + ";",
            Pattern.MULTILINE);

    private Layers() {
    }

    /**
     * Every import that breaks the layering, as {@code file: import}, in the sources under {@code root} (a module's
     * {@code src/main/java}) of the service whose base package is {@code base}, such as {@code io.scrapline.costing}.
     */
    public static List<String> violations(Path root, String base) {
        Path packages = root.resolve(base.replace('.', '/'));
        Pattern imported = Pattern.compile("^import (?:static )?" + Pattern.quote(base) + "\\.([a-z]+)\\.",
                Pattern.MULTILINE);
        List<String> found = new ArrayList<>();
        FORBIDDEN.forEach((layer, forbidden) -> {
            Path dir = packages.resolve(layer);
            if (!Files.isDirectory(dir)) {
                return;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    Matcher match = imported.matcher(source);
                    while (match.find()) {
                        if (forbidden.contains(match.group(1))) {
                            found.add(root.relativize(file) + ": " + match.group().trim());
                        }
                    }
                    if (!layer.equals("rest") && CALLER_IMPORT.matcher(source).find()) {
                        found.add(root.relativize(file) + ": import " + CALLER);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return found;
    }

    /**
     * The files under {@code root} (a module's {@code src/main}) longer than {@code most} lines, as {@code file: n
     * lines}: a file that long holds two subjects and is split by subject.
     */
    public static List<String> longerThan(Path root, int most) {
        try (Stream<Path> files = Files.walk(root)) {
            List<String> found = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                long lines;
                try (Stream<String> read = Files.lines(file)) {
                    lines = read.count();
                } catch (UncheckedIOException e) {
                    continue; // not text
                }
                if (lines > most) {
                    found.add(root.relativize(file) + ": " + lines + " lines");
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
