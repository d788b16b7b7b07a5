package io.scrapline.reporting.rest;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, as a person's browser would open a saved report page. The test needs it: when it is
 * missing the test fails and says how to install it (.ci/run does), rather than passing without a browser.
 */
final class HeadlessChromium {

    private static final long TIMEOUT_SECONDS = 120;

    private final Path browser;
    private final Path workDirectory;

    private HeadlessChromium(Path browser, Path workDirectory) {
        this.browser = browser;
        this.workDirectory = workDirectory;
    }

    /** The {@code chromium} on PATH, with a profile of its own in the directory (the user's home may be read-only). */
    static HeadlessChromium onPath(Path workDirectory) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, "chromium");
            if (Files.isExecutable(candidate)) {
                return new HeadlessChromium(candidate, workDirectory);
            }
        }
        throw new AssertionError("chromium is not on PATH; this test opens the report page in a real browser. "
                + "Install it with: apt-get update && apt-get install -y chromium (.ci/run does so in CI)");
    }

    /** The page's DOM after the browser has parsed and laid it out. */
    String dumpDom(URI page) throws IOException, InterruptedException {
        return run("--dump-dom", page.toString());
    }

    void screenshot(URI page, Path png, int width, int height) throws IOException, InterruptedException {
        run("--screenshot=" + png, "--window-size=" + width + "," + height, "--hide-scrollbars", page.toString());
    }

    private String run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--no-first-run", "--user-data-dir=" + workDirectory.resolve("profile")));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile(workDirectory, "chromium", ".out");
        Path errors = Files.createTempFile(workDirectory, "chromium", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(errors.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in " + TIMEOUT_SECONDS + " s: " + command);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("chromium exited with " + process.exitValue() + ": " + command + "\n"
                    + Files.readString(errors, StandardCharsets.UTF_8));
        }
        return Files.readString(output, StandardCharsets.UTF_8);
    }
}
