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
 * types; a repository takes and returns domain types; the domain depends on no layer. Other packages (config, client,
 * job, a connector package) are not layers and are not checked.
 */
public final class Layers {

    /** What each layer may not import, as the next segment of the service's base package. */
    private static final Map<String, Set<String>> FORBIDDEN = Map.of("rest", Set.of("repository"), "service",
            Set.of("rest"), "repository", Set.of("rest", "service"), "domain", Set.of("rest", "service", "repository"));

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
                    Matcher match = imported.matcher(Files.readString(file));
                    while (match.find()) {
                        if (forbidden.contains(match.group(1))) {
                            found.add(root.relativize(file) + ": " + match.group().trim());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return found;
    }
}
