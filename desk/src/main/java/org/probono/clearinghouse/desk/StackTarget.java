package org.probono.clearinghouse.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * A deployed stack: the function names come from the stack's outputs ({@code RegisterFunctionName}, ...), and
 * each command is one synchronous Lambda Invoke, as {@code sam remote invoke} does, with the caller's own AWS
 * credentials and region (the SDK's default chains).
 */
final class StackTarget implements Target {
    private static final String TIME_ZONE_PARAMETER = "TimeZone";

    private final String stackName;
    private final LambdaClient lambda;
    private final Map<String, String> outputs;
    private final Optional<ZoneId> zone;

    private StackTarget(String stackName, LambdaClient lambda, Map<String, String> outputs, Optional<ZoneId> zone) {
        this.stackName = stackName;
        this.lambda = lambda;
        this.outputs = outputs;
        this.zone = zone;
    }

    /** Reads the stack's outputs now, so a missing stack or missing credentials is the first thing said. */
    static StackTarget connect(String stackName, Optional<String> regionName, Optional<URI> endpoint) {
        Region region = regionName
                .map(Region::of)
                .orElseGet(() -> aws(() -> new DefaultAwsRegionProviderChain().getRegion(), stackName));
        CloudFormationClient cloudFormation =
                configure(CloudFormationClient.builder(), region, endpoint).build();
        Stack stack;
        try (cloudFormation) {
            stack = aws(
                    () -> cloudFormation
                            .describeStacks(request -> request.stackName(stackName))
                            .stacks()
                            .getFirst(),
                    stackName);
        } catch (AwsServiceException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not exist")) {
                throw new DeskFailure(
                        ExitCode.UNREACHABLE,
                        "No stack " + stackName + " in " + region.id()
                                + "; check the name (sam list stack-outputs) and the region (--region or AWS_REGION).");
            }
            throw refused(e);
        }
        Map<String, String> outputs =
                stack.outputs().stream().collect(Collectors.toMap(Output::outputKey, Output::outputValue));
        Optional<ZoneId> zone = stack.parameters().stream()
                .filter(parameter -> parameter.parameterKey().equals(TIME_ZONE_PARAMETER))
                .map(Parameter::parameterValue)
                .findFirst()
                .flatMap(StackTarget::zoneId);
        LambdaClient lambda =
                configure(LambdaClient.builder(), region, endpoint).build();
        return new StackTarget(stackName, lambda, outputs, zone);
    }

    private static <
                    B extends
                            software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>
                                    & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, ?>>
            B configure(B builder, Region region, Optional<URI> endpoint) {
        builder.region(region).httpClientBuilder(UrlConnectionHttpClient.builder());
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }

    @Override
    public JsonNode invoke(AdminFunction function, ObjectNode command) {
        String name = outputs.get(function.stackOutput());
        if (name == null) {
            throw new DeskFailure(
                    ExitCode.UNREACHABLE,
                    "Stack " + stackName + " has no output " + function.stackOutput()
                            + "; deploy the current template.yaml (sam deploy).");
        }
        InvokeResponse response;
        try {
            response = aws(
                    () -> lambda.invoke(request ->
                            request.functionName(name).payload(SdkBytes.fromUtf8String(DeskJson.pretty(command)))),
                    stackName);
        } catch (AwsServiceException e) {
            throw refused(e);
        }
        JsonNode answer = DeskJson.parse(response.payload().asUtf8String(), function.logicalId);
        if (response.functionError() != null) {
            throw new DeskFailure(
                    ExitCode.FAILED,
                    function.logicalId + " failed: "
                            + answer.path("errorMessage").asText("no message") + ".");
        }
        return answer;
    }

    @Override
    public Optional<ZoneId> zone() {
        return zone;
    }

    /** The SDK's client-side failures (no credentials, no region, no network) as one sentence each. */
    private static <T> T aws(Supplier<T> call, String stackName) {
        try {
            return call.get();
        } catch (SdkClientException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Unable to load credentials")) {
                throw new DeskFailure(
                        ExitCode.UNREACHABLE,
                        "No AWS credentials found; sign in as for the SAM CLI "
                                + "(aws configure, aws sso login, or AWS_PROFILE) and run it again.");
            }
            if (message.contains("Unable to load region")) {
                throw new DeskFailure(
                        ExitCode.UNREACHABLE,
                        "No AWS region for stack " + stackName + "; pass --region or set AWS_REGION.");
            }
            throw new DeskFailure(ExitCode.UNREACHABLE, "Cannot reach AWS: " + firstSentence(message));
        }
    }

    private static DeskFailure refused(AwsServiceException e) {
        String message = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage()
                : String.valueOf(e.getMessage());
        return new DeskFailure(ExitCode.UNREACHABLE, "AWS refused the call: " + firstSentence(message));
    }

    private static String firstSentence(String message) {
        String first = message.split("(?<=\\.)\\s|\\n", 2)[0].strip();
        return first.endsWith(".") ? first : first + ".";
    }

    private static Optional<ZoneId> zoneId(String value) {
        try {
            return Optional.of(ZoneId.of(value));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
