package org.probono.clearinghouse.local.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * template.yaml, read as data. CloudFormation's short tags are dropped by the YAML reader and their
 * values kept ({@code !Ref Table} reads as {@code "Table"}), which is all the local tools need: the
 * logical id a variable or a property points at.
 */
public final class Template {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final Path file;
    private final JsonNode root;

    private Template(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    public static Template load(Path file) {
        try {
            return new Template(file, YAML.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** template.yaml of the repository this JVM runs in (found upwards from the working directory). */
    public static Template fromRepository() {
        return load(repositoryRoot().resolve("template.yaml"));
    }

    public static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "template.yaml not found above " + Path.of("").toAbsolutePath());
    }

    public Path file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    public JsonNode resource(String logicalId) {
        JsonNode resource = root.path("Resources").path(logicalId);
        if (resource.isMissingNode()) throw new IllegalArgumentException("no resource " + logicalId + " in " + file);
        return resource;
    }

    public boolean hasResource(String logicalId) {
        return root.path("Resources").has(logicalId);
    }

    public boolean hasParameter(String name) {
        return root.path("Parameters").has(name);
    }

    /** The parameter's {@code Default}, when it has one. */
    public Optional<String> parameterDefault(String name) {
        JsonNode value = root.path("Parameters").path(name).path("Default");
        return value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    /** Logical id → resource, for every resource of {@code type} (AWS::DynamoDB::Table...), in template order. */
    public Map<String, JsonNode> resourcesOfType(String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        root.path("Resources").properties().forEach(entry -> {
            if (entry.getValue().path("Type").asText().equals(type)) found.put(entry.getKey(), entry.getValue());
        });
        return found;
    }

    /** The one resource of {@code type}; the local backend builds exactly one table, bucket and key. */
    public Map.Entry<String, JsonNode> single(String type) {
        Map<String, JsonNode> all = resourcesOfType(type);
        if (all.size() != 1)
            throw new IllegalStateException("expected one " + type + " in template.yaml, found " + all.size());
        return all.entrySet().iterator().next();
    }

    /** The environment variables every function gets (Globals), each with the logical id or value it names. */
    public Map<String, String> globalEnvironment() {
        Map<String, String> variables = new LinkedHashMap<>();
        root.path("Globals")
                .path("Function")
                .path("Environment")
                .path("Variables")
                .properties()
                .forEach(entry -> variables.put(entry.getKey(), entry.getValue().asText()));
        return variables;
    }

    /** A function and its trigger events, as the local runner needs them. */
    public record Function(String logicalId, String handler, String codeUri, Map<String, JsonNode> events) {
        public String handlerClass() {
            return handler.substring(0, handler.indexOf("::"));
        }
    }

    public List<Function> functions() {
        List<Function> functions = new ArrayList<>();
        resourcesOfType("AWS::Serverless::Function").forEach((id, resource) -> {
            JsonNode properties = resource.path("Properties");
            Map<String, JsonNode> events = new LinkedHashMap<>();
            properties.path("Events").properties().forEach(e -> events.put(e.getKey(), e.getValue()));
            functions.add(new Function(
                    id,
                    properties.path("Handler").asText(),
                    properties.path("CodeUri").asText(),
                    events));
        });
        return functions;
    }

    /** An HTTP API route: {@code method path} (the API Gateway route key) served by a function. */
    public record Route(String method, String path, String functionId) {
        public String routeKey() {
            return method + " " + path;
        }
    }

    public List<Route> httpRoutes() {
        List<Route> routes = new ArrayList<>();
        for (Function function : functions()) {
            function.events().forEach((name, event) -> {
                if (event.path("Type").asText().equals("HttpApi")) {
                    JsonNode properties = event.path("Properties");
                    routes.add(new Route(
                            properties.path("Method").asText().toUpperCase(java.util.Locale.ROOT),
                            properties.path("Path").asText(),
                            function.logicalId()));
                }
            });
        }
        return routes;
    }
}
