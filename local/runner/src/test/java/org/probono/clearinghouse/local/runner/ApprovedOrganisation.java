package org.probono.clearinghouse.local.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.probono.clearinghouse.json.Json;

/** An organisation registered, verified and approved on a running runner, for tests that need its token. */
final class ApprovedOrganisation {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{16,})");

    private ApprovedOrganisation() {}

    /** Registers "Test Trust" with a fresh contact address; returns its org token. */
    static String register(LocalRunner runner) throws Exception {
        String email = "contact-" + System.nanoTime() + "@trust.example";
        JsonNode created = Json.MAPPER.readTree(send(runner, "/organisations", """
                {"name":"Test Trust","organisationType":"TRUST","registrationNumber":"WB/2020/1","jurisdiction":"IN-WB",
                 "city":"Kolkata","focusAreas":["shelter"],"contact":{"name":"Test Contact","email":"%s","phone":"+919830000000"}}"""
                .formatted(email)));
        String verification = tokenIn(awaitMail(runner, email, "/verify?token="));
        HTTP.send(HttpRequest.newBuilder(URI.create(runner.url() + "/verify?token=" + verification)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        send(runner, "/_local/invoke/RegisterFunction", """
                {"command":"approve","kind":"organisation","id":"%s","reviewedBy":"test@team"}""".formatted(created.path("id").asText()));
        return tokenIn(awaitMail(runner, email, "#token="));
    }

    private static String send(LocalRunner runner, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(runner.url() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    private static String awaitMail(LocalRunner runner, String to, String containing) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            runner.deliverStream();
            String mail = HTTP.send(HttpRequest.newBuilder(URI.create(runner.url() + "/_local/mail")).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
            for (JsonNode message : Json.MAPPER.readTree(mail)) {
                if (message.path("to").toString().contains(to) && message.path("text").asText().contains(containing)) {
                    return message.path("text").asText();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no email to " + to + " containing " + containing);
    }

    private static String tokenIn(String text) {
        Matcher matcher = TOKEN.matcher(text);
        if (!matcher.find()) throw new AssertionError("no token= in " + text);
        return matcher.group(1);
    }
}
