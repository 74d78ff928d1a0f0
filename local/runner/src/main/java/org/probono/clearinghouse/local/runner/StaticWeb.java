package org.probono.clearinghouse.local.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The web form (web/ of the repository) served at {@code /}, read from disk on each request so edits show
 * on reload. {@code /config.js} tells the form where the API is: here, the runner itself.
 */
final class StaticWeb {
    private static final Map<String, String> TYPES = Map.of(
            "html",
            "text/html; charset=utf-8",
            "css",
            "text/css; charset=utf-8",
            "js",
            "text/javascript; charset=utf-8",
            "svg",
            "image/svg+xml",
            "png",
            "image/png",
            "ico",
            "image/x-icon",
            "json",
            "application/json",
            "txt",
            "text/plain; charset=utf-8");

    private final Path root;
    private final String apiUrl;

    StaticWeb(Path root, String apiUrl) {
        this.root = root.toAbsolutePath().normalize();
        this.apiUrl = apiUrl;
    }

    Optional<Reply> serve(String path) throws IOException {
        if (path.equals("/config.js")) {
            return Optional.of(Reply.of(200, TYPES.get("js"), config().getBytes(StandardCharsets.UTF_8)));
        }
        String relative = path.equals("/") ? "index.html" : path.substring(1);
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) return Optional.empty();
        String name = file.getFileName().toString();
        String extension =
                name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        return Optional.of(
                Reply.of(200, TYPES.getOrDefault(extension, "application/octet-stream"), Files.readAllBytes(file)));
    }

    String config() {
        return "// Where the form sends its requests. Written by the local runner; on AWS, deployed beside the form.\n"
                + "window.CLEARINGHOUSE_API = \"" + apiUrl.replace("\\", "\\\\").replace("\"", "\\\"") + "\";\n";
    }
}
