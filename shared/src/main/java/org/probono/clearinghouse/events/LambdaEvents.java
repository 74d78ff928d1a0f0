package org.probono.clearinghouse.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probono.clearinghouse.json.Json;
import org.probono.clearinghouse.json.JsonInputException;
import org.probono.clearinghouse.json.Tree;

/**
 * Reads Lambda events and writes answers with the project's one JSON binder ({@link Json}): API Gateway's
 * request and response as aws-lambda-java-events' plain beans, the other triggers as small records of the
 * fields a function reads. Not the runtime's serialization library: it brings a second, shaded Jackson and
 * joda-time (about 900 classes, a fifth of a second of a cold start) for the same job. The files in
 * events/ are the truth: LambdaEventsTest reads each as the runtime would and as we do, and compares.
 *
 * <p>The API Gateway request and response, on every HTTP cold start, are copied field by field between the
 * tree and the beans rather than through bean introspection (docs/performance.md).
 */
public final class LambdaEvents {
    private LambdaEvents() {}

    /** The event as a tree; empty if it is not JSON (the caller reports an unknown event shape). */
    static Tree readTree(InputStream input) {
        try {
            return Json.tree(input);
        } catch (JsonInputException e) {
            return Tree.of(null);
        }
    }

    /**
     * The event as a function's record of the fields it reads; fields it does not have (AWS adds more) are
     * skipped, unlike in request bodies. The record's components are named as the event's fields are
     * ({@code Records}, {@code Sns}).
     */
    public static <T> T read(Tree event, Class<T> type) {
        return Json.readIgnoringUnknown(event, type);
    }

    /** An HTTP API (payload 2.0) event, field for field as the runtime's serializer reads it. */
    public static APIGatewayV2HTTPEvent httpRequest(Tree event) {
        Tree context = event.path("requestContext");
        APIGatewayV2HTTPEvent.RequestContext requestContext = null;
        if (context.isObject()) {
            Tree http = context.path("http");
            requestContext = APIGatewayV2HTTPEvent.RequestContext.builder()
                    .withRouteKey(text(context, "routeKey"))
                    .withAccountId(text(context, "accountId"))
                    .withStage(text(context, "stage"))
                    .withApiId(text(context, "apiId"))
                    .withDomainName(text(context, "domainName"))
                    .withDomainPrefix(text(context, "domainPrefix"))
                    .withTime(text(context, "time"))
                    .withTimeEpoch(context.path("timeEpoch").asLong())
                    .withRequestId(text(context, "requestId"))
                    .withHttp(
                            http.isObject()
                                    ? APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                            .withMethod(text(http, "method"))
                                            .withPath(text(http, "path"))
                                            .withProtocol(text(http, "protocol"))
                                            .withSourceIp(text(http, "sourceIp"))
                                            .withUserAgent(text(http, "userAgent"))
                                            .build()
                                    : null)
                    // No route has an authorizer; should one come, the bean is read from that part alone.
                    .withAuthorizer(
                            context.path("authorizer").isObject()
                                    ? read(
                                            context.path("authorizer"),
                                            APIGatewayV2HTTPEvent.RequestContext.Authorizer.class)
                                    : null)
                    .build();
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion(text(event, "version"))
                .withRouteKey(text(event, "routeKey"))
                .withRawPath(text(event, "rawPath"))
                .withRawQueryString(text(event, "rawQueryString"))
                .withCookies(texts(event.path("cookies")))
                .withHeaders(textMap(event.path("headers")))
                .withQueryStringParameters(textMap(event.path("queryStringParameters")))
                .withPathParameters(textMap(event.path("pathParameters")))
                .withStageVariables(textMap(event.path("stageVariables")))
                .withBody(text(event, "body"))
                .withIsBase64Encoded(event.path("isBase64Encoded").isTrue())
                .withRequestContext(requestContext)
                .build();
    }

    private static String text(Tree node, String field) {
        return node.path(field).asText();
    }

    private static List<String> texts(Tree array) {
        if (!array.isList()) return null;
        List<String> texts = new ArrayList<>();
        array.elements().forEach(value -> texts.add(value.asText()));
        return texts;
    }

    private static Map<String, String> textMap(Tree object) {
        if (!object.isObject()) return null;
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEach((name, value) -> map.put(name, value.asText()));
        return map;
    }

    /** An answer (an API Gateway response, an admin command's result, a batch response) as JSON. */
    public static void writeJson(Object value, OutputStream out) {
        try {
            if (value instanceof APIGatewayV2HTTPResponse response) {
                writeHttpResponse(response, out);
            } else {
                Json.write(value, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The response as the runtime's serializer writes the bean (absent fields left out), without introspecting it. */
    private static void writeHttpResponse(APIGatewayV2HTTPResponse response, OutputStream out) throws IOException {
        try (JsonGenerator json = Json.generator(out)) {
            json.writeStartObject();
            json.writeNumberField("statusCode", response.getStatusCode());
            if (response.getHeaders() != null) {
                json.writeObjectFieldStart("headers");
                for (Map.Entry<String, String> header : response.getHeaders().entrySet()) {
                    json.writeStringField(header.getKey(), header.getValue());
                }
                json.writeEndObject();
            }
            if (response.getMultiValueHeaders() != null) {
                json.writeObjectFieldStart("multiValueHeaders");
                for (Map.Entry<String, List<String>> header :
                        response.getMultiValueHeaders().entrySet()) {
                    json.writeFieldName(header.getKey());
                    writeTexts(json, header.getValue());
                }
                json.writeEndObject();
            }
            if (response.getCookies() != null) {
                json.writeFieldName("cookies");
                writeTexts(json, response.getCookies());
            }
            if (response.getBody() != null) json.writeStringField("body", response.getBody());
            json.writeBooleanField("isBase64Encoded", response.getIsBase64Encoded());
            json.writeEndObject();
        }
    }

    private static void writeTexts(JsonGenerator json, List<String> texts) throws IOException {
        if (texts == null) {
            json.writeNull();
            return;
        }
        json.writeStartArray();
        for (String text : texts) json.writeString(text);
        json.writeEndArray();
    }
}
