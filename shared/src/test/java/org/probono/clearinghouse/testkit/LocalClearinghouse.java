package org.probono.clearinghouse.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clearinghouse served by a local runner, reached as its users reach it: the public HTTP API, admin
 * commands through {@code /_local/invoke}, sent mail through {@code /_local/mail} and replies through
 * {@code /_local/inbound}. The ONE way the runner's and the desk's tests seed what they need: organisations
 * and lawyers that registered, verified and were approved, and open requests, each through the same steps a
 * person takes (so consent, tokens and emails are the real ones).
 */
public final class LocalClearinghouse {
    /** A token in a link: {@code /verify?token=...}, {@code #token=...}. */
    public static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{16,})");
    /** The reply token in an offer's {@code Reply-To}. */
    public static final Pattern REPLY_TOKEN = Pattern.compile("reply\\+([A-Za-z0-9_-]{16,})@");

    private static final Duration MAIL_WAIT = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String url;
    private final Runnable deliverStream;

    /** {@code deliverStream} brings the table's stream to NotifyFunction now (the runner's own pump is slower). */
    public LocalClearinghouse(String url, Runnable deliverStream) {
        this.url = url;
        this.deliverStream = deliverStream;
    }

    public String url() {
        return url;
    }

    /** An approved organisation: its id, its contact's address and the org token its approval emailed. */
    public record Organisation(String id, String email, String token) {}

    /** {@code body} of {@code POST /organisations}, registered, verified and approved; {@code email} is its contact's. */
    public Organisation approvedOrganisation(String body, String email) {
        String id = verifiedRegistration("/organisations", body, email);
        approve("organisation", id);
        return new Organisation(id, email, orgTokenMailedTo(email));
    }

    /** {@code body} of {@code POST /lawyers}, registered, verified and approved; answers the lawyer's id. */
    public String approvedLawyer(String body, String email) {
        String id = verifiedRegistration("/lawyers", body, email);
        approve("lawyer", id);
        return id;
    }

    /** Registered ({@code path}: /organisations or /lawyers) and verified: awaiting the team's review. */
    public String verifiedRegistration(String path, String body, String email) {
        JsonNode created = created(path, null, body);
        assertThat(created.path("status").asText()).isEqualTo("PENDING_VERIFICATION");
        verify(awaitMail(email, m -> m.path("text").asText().contains("/verify?token=")));
        return created.path("id").asText();
    }

    /** Opens the verification link of {@code mail} (as JSON): the address is verified. */
    public void verify(JsonNode mail) {
        HttpResponse<String> verified = send(HttpRequest.newBuilder(URI.create(
                        url + "/verify?token=" + token(TOKEN, mail.path("text").asText())))
                .header("Accept", "application/json")
                .GET());
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(json(verified.body()).path("status").asText()).isEqualTo("PENDING_REVIEW");
    }

    public void approve(String kind, String id) {
        JsonNode approved = invoke("RegisterFunction", """
                {"command":"approve","kind":"%s","id":"%s","reviewedBy":"tests@clearinghouse.test"}""".formatted(kind, id));
        assertThat(approved.path("status").asText()).as(approved.toString()).isEqualTo("APPROVED");
    }

    /** The org token the approval emailed to {@code email}. */
    public String orgTokenMailedTo(String email) {
        return token(
                TOKEN,
                awaitMail(email, m -> m.path("text").asText().contains("#token="))
                        .path("text")
                        .asText());
    }

    /** {@code body} of {@code POST /requests} submitted with {@code orgToken}: an open request's id. */
    public String openRequest(String orgToken, String body) {
        JsonNode submitted = created("/requests", orgToken, body);
        assertThat(submitted.path("status").asText()).isEqualTo("SUBMITTED");
        return submitted.path("id").asText();
    }

    /** A {@code POST /organisations} body with a phone and city that pass validation. */
    public static String organisationBody(String name, String contactName, String email) {
        return """
                {"name":"%s","organisationType":"TRUST","registrationNumber":"WB/2020/1","jurisdiction":"IN-WB",
                 "city":"Kolkata","focusAreas":["shelter"],"contact":{"name":"%s","email":"%s","phone":"+919830000000"}}""".formatted(name, contactName, email);
    }

    // ------------------------------------------------------------------ HTTP

    /** {@code POST path} with a JSON body (and a bearer token unless null). */
    public HttpResponse<String> post(String path, String bearer, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        return send(request);
    }

    /** {@code POST path} answered 201: the body. */
    public JsonNode created(String path, String bearer, String body) {
        HttpResponse<String> response = post(path, bearer, body);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(201);
        return json(response.body());
    }

    /** {@code GET path} with a bearer token (unless null). */
    public HttpResponse<String> get(String path, String bearer) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url + path)).GET();
        if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        return send(request);
    }

    /** The function's answer to an admin command, an error object included. */
    public JsonNode answer(String function, String command) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url + "/_local/invoke/" + function))
                .POST(HttpRequest.BodyPublishers.ofString(command)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    /** The result of an admin command that must succeed. */
    public JsonNode invoke(String function, String command) {
        JsonNode result = answer(function, command);
        assertThat(result.has("error")).as(command + " → " + result).isFalse();
        return result;
    }

    /** Every email sent so far, oldest first. */
    public List<JsonNode> mail() {
        HttpResponse<String> response = get("/_local/mail", null);
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> all = new ArrayList<>();
        json(response.body()).forEach(all::add);
        return all;
    }

    /** The newest email to {@code address} that {@code wanted} accepts, waiting up to 15 s for the stream. */
    public JsonNode awaitMail(String address, Predicate<JsonNode> wanted) {
        long deadline = System.nanoTime() + MAIL_WAIT.toNanos();
        while (true) {
            deliverStream.run();
            List<JsonNode> all = mail();
            for (int i = all.size() - 1; i >= 0; i--) {
                JsonNode mail = all.get(i);
                if (mail.path("to").toString().contains("\"" + address + "\"") && wanted.test(mail)) return mail;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching email to " + address + " among " + all.size() + ": " + all);
            }
            pause();
        }
    }

    /** A raw RFC 5322 message (lines ending in CRLF or LF) delivered as SES would: 202. */
    public void inbound(String message) {
        HttpResponse<String> delivered = send(HttpRequest.newBuilder(URI.create(url + "/_local/inbound"))
                .header("Content-Type", "message/rfc822")
                .POST(HttpRequest.BodyPublishers.ofString(
                        message.replace("\r\n", "\n").replace("\n", "\r\n"))));
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(202);
    }

    /** A plain-text reply from {@code from} to {@code to} (an offer's reply address). */
    public void reply(String from, String to, String subject, String messageId, String text) {
        inbound("""
                From: %s
                To: %s
                Subject: %s
                Message-ID: %s
                Content-Type: text/plain; charset=utf-8

                %s
                """.formatted(from, to, subject, messageId, text));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first token {@code pattern} finds in {@code text}. */
    public static String token(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("a token in: " + text).isTrue();
        return matcher.group(1);
    }

    private static JsonNode json(String text) {
        try {
            return TestJson.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
