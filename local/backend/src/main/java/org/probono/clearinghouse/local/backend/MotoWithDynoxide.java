package org.probono.clearinghouse.local.backend;

import java.net.URI;
import java.nio.file.Path;

/**
 * moto for every service but DynamoDB, which dynoxide serves: what the local runner uses where dynoxide
 * installs. moto's DynamoDB is faithful enough for the tests, but dynoxide answers in about a
 * millisecond and keeps its cost flat as the table grows (docs/local-runner.md).
 */
public final class MotoWithDynoxide implements AwsBackend {
    private final MotoServer moto;
    private final Dynoxide dynoxide;

    private MotoWithDynoxide(MotoServer moto, Dynoxide dynoxide) {
        this.moto = moto;
        this.dynoxide = dynoxide;
    }

    public static MotoWithDynoxide start(Path dynoxideBinary) {
        Dynoxide dynoxide = Dynoxide.start(dynoxideBinary);
        try {
            return new MotoWithDynoxide(MotoServer.start(), dynoxide);
        } catch (RuntimeException e) {
            dynoxide.close();
            throw e;
        }
    }

    @Override
    public URI endpoint() {
        return moto.endpoint();
    }

    @Override
    public URI dynamoDbEndpoint() {
        return dynoxide.endpoint();
    }

    @Override
    public String name() {
        return "moto, with DynamoDB on dynoxide";
    }

    @Override
    public void reset() {
        moto.reset();
        dynoxide.reset();
    }

    /** moto's own state (the emails sent live under {@code ses.RawMessage}). */
    public MotoServer moto() {
        return moto;
    }

    @Override
    public void close() {
        try {
            dynoxide.close();
        } finally {
            moto.close();
        }
    }
}
