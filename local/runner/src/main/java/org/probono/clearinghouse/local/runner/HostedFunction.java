package org.probono.clearinghouse.local.runner;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.UUID;
import org.probono.clearinghouse.local.backend.AwsBackend;
import org.probono.clearinghouse.local.backend.Template;

/**
 * One function of template.yaml hosted in this JVM: its handler class, built once with the public no-arg
 * constructor Lambda uses (the "cold start"), invoked with the event's JSON bytes as Lambda would.
 */
final class HostedFunction {
    static final String ACCOUNT = "123456789012";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String logicalId;
    private final RequestStreamHandler handler;

    HostedFunction(String logicalId, RequestStreamHandler handler) {
        this.logicalId = logicalId;
        this.handler = handler;
    }

    static HostedFunction load(Template.Function function) {
        String className = function.handlerClass();
        Object instance;
        try {
            instance = Class.forName(className).getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
            throw new StartFailure(
                    function.logicalId() + "'s handler " + className + " could not be created: " + cause, cause);
        }
        if (!(instance instanceof RequestStreamHandler handler)) {
            throw new StartFailure(
                    function.logicalId() + "'s handler " + className + " is not a RequestStreamHandler.");
        }
        return new HostedFunction(function.logicalId(), handler);
    }

    String logicalId() {
        return logicalId;
    }

    static String arn(String functionName) {
        return "arn:aws:lambda:" + AwsBackend.REGION + ":" + ACCOUNT + ":function:" + functionName;
    }

    String arn() {
        return arn(logicalId);
    }

    /** The function's answer; a handler that throws is reported as Lambda reports it ({@link Failed}). */
    byte[] invoke(byte[] event) {
        String requestId = UUID.randomUUID().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(
                    new ByteArrayInputStream(event),
                    output,
                    new LocalContext(requestId, logicalId, System.currentTimeMillis() + TIMEOUT.toMillis()));
        } catch (Exception | Error e) {
            throw new Failed(logicalId, requestId, e);
        }
        return output.toByteArray();
    }

    /** The handler threw: Lambda answers the invoker with an error object and logs the stack trace. */
    static final class Failed extends RuntimeException {
        private final String requestId;

        Failed(String functionId, String requestId, Throwable cause) {
            super(functionId + " failed: " + cause, cause);
            this.requestId = requestId;
        }

        String requestId() {
            return requestId;
        }
    }
}
