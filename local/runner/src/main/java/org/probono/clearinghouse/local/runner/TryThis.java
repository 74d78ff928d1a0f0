package org.probono.clearinghouse.local.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.probono.clearinghouse.local.backend.Template;

/** What the runner prints once it is ready: the URL and a few lines to copy. */
final class TryThis {
    private TryThis() {}

    static String banner(String url, String backend, Template template, Path root) {
        StringBuilder text = new StringBuilder();
        text.append("\nThe clearinghouse is running at ")
                .append(url)
                .append("  (backend: ")
                .append(backend)
                .append("; Ctrl-C stops it)\n\n");
        text.append("Try this:\n");
        text.append("  open ").append(url).append("/                 the web form: register, join, ask for help\n");
        text.append("  curl -s ").append(url).append("/_local/mail      every email sent so far\n");
        text.append("  curl -s -X POST ")
                .append(url)
                .append("/_local/invoke/RegisterFunction -d '{\"command\":\"list-pending\"}'\n");
        text.append("  curl -s -X POST ")
                .append(url)
                .append("/_local/inbound -H 'Content-Type: message/rfc822' --data-binary @reply.eml\n");
        List<String> commands = adminCommands(url, template, root);
        if (!commands.isEmpty()) {
            text.append("\nAdmin commands from events/ (edit the ids first):\n");
            commands.forEach(line -> text.append("  ").append(line).append('\n'));
        }
        text.append("\nAll routes: ");
        text.append(String.join(
                        ", ",
                        template.httpRoutes().stream()
                                .map(Template.Route::routeKey)
                                .toList()))
                .append('\n');
        return text.toString();
    }

    /** One curl line per events/ file holding an admin command, sent to the function its name starts with. */
    static List<String> adminCommands(String url, Template template, Path root) {
        Path events = root.resolve("events");
        if (!Files.isDirectory(events)) return List.of();
        try (Stream<Path> files = Files.list(events)) {
            return files.filter(f -> f.toString().endsWith(".json"))
                    .sorted()
                    .flatMap(file -> functionFor(file, template).stream()
                            .map(function -> "curl -s -X POST " + url + "/_local/invoke/" + function + " -d @events/"
                                    + file.getFileName()))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<String> functionFor(Path file, Template template) {
        try {
            JsonNode event = RunnerJson.MAPPER.readTree(file.toFile());
            if (event == null || !event.path("command").isTextual()) return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
        String prefix = file.getFileName().toString().split("-")[0].toLowerCase(Locale.ROOT);
        return template.functions().stream()
                .map(Template.Function::logicalId)
                .filter(id -> id.toLowerCase(Locale.ROOT).startsWith(prefix))
                .findFirst();
    }
}
