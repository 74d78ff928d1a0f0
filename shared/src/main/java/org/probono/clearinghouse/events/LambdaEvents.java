package org.probono.clearinghouse.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probono.clearinghouse.json.Json;

/**
 * Reads Lambda events and writes answers with the project's one ObjectMapper: API Gateway's request and
 * response as aws-lambda-java-events' plain beans, the other triggers as small records of the fields a
 * function reads. Not the runtime's serialization library: it brings a second, shaded Jackson and
 * joda-time (about 900 classes, a fifth of a second of a cold start) for the same job. The files in
 * events/ are the truth: LambdaEventsTest reads each as the runtime would and as we do, and compares.
 *
 * <p>The API Gateway request and response, on every HTTP cold start, are copied field by field between the
 * tree and the beans rather than through databind's bean introspection, which for these nested beans
 * costs a tenth of a second of the first request (docs/performance.md).
 */
public final class LambdaEvents {
    /** Events carry fields no function reads, and AWS adds more: ignored here, unlike in request bodies. */
    private static final ObjectReader EVENTS =
            Json.MAPPER.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private LambdaEvents() {}

    static JsonNode readTree(InputStream input) {
        try {
            return Json.MAPPER.readTree(input);
        } catch (IOException e) {
            return null; // not JSON: the caller reports an unknown event shape
        }
    }

    /**
     * The event as {@code type}: APIGatewayV2HTTPEvent, or a function's record of the fields it reads. The
     * tree {@link #readTree} parsed is walked, not written out and parsed again: each event is parsed once.
     */
    public static <T> T read(JsonNode event, Class<T> type) {
        try {
            return EVENTS.forType(type).readValue(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTP API (payload 2.0) event, field for field as the runtime's serializer reads it. */
    public static APIGatewayV2HTTPEvent httpRequest(JsonNode event) {
        JsonNode context = event.path("requestContext");
        APIGatewayV2HTTPEvent.RequestContext requestContext = null;
        if (context.isObject()) {
            JsonNode http = context.path("http");
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
                    // No route has an authorizer; should one come, databind reads that part alone.
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
                .withIsBase64Encoded(event.path("isBase64Encoded").asBoolean())
                .withRequestContext(requestContext)
                .build();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> texts(JsonNode array) {
        if (!array.isArray()) return null;
        List<String> texts = new ArrayList<>(array.size());
        array.forEach(value -> texts.add(value.isNull() ? null : value.asText()));
        return texts;
    }

    private static Map<String, String> textMap(JsonNode object) {
        if (!object.isObject()) return null;
        Map<String, String> map = new LinkedHashMap<>();
        object.properties()
                .forEach(field -> map.put(
                        field.getKey(),
                        field.getValue().isNull() ? null : field.getValue().asText()));
        return map;
    }

    /** An answer (an API Gateway response, an admin command's result, a batch response) as JSON. */
    public static void writeJson(Object value, OutputStream out) {
        try {
            if (value instanceof APIGatewayV2HTTPResponse response) {
                writeHttpResponse(response, out);
            } else {
                out.write(Json.write(value).getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The response as the one ObjectMapper would write the bean (absent fields left out), without introspecting it. */
    private static void writeHttpResponse(APIGatewayV2HTTPResponse response, OutputStream out) throws IOException {
        try (JsonGenerator json =
                Json.MAPPER.getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
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
