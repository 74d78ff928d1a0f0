package org.probono.clearinghouse.local.backend;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * Gives a test an AWS endpoint with the template's resources on it ({@link LocalAws} as a parameter):
 * one backend per test JVM, started on first use and stopped at the end; emptied and rebuilt before
 * every test. {@code -Daws.backend=localstack} chooses LocalStack; where it cannot run (no Docker) the
 * tests are skipped with the reason, since moto remains the default that CI runs.
 */
public final class LocalAwsExtension implements BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LocalAwsExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        LocalAws aws = localAws(context);
        aws.resetAndCreate();
        aws.installAsSystemProperties();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalAws.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return localAws(context);
    }

    private static LocalAws localAws(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        Holder holder = store.getOrComputeIfAbsent(Holder.class, k -> new Holder(AwsBackend.chosen()), Holder.class);
        if (holder.failure != null) {
            if (holder.choice.equals("localstack")) throw new TestAbortedException(holder.failure.getMessage());
            throw holder.failure;
        }
        return holder.aws;
    }

    /** Started once per JVM; closed by JUnit when the root context closes. */
    private static final class Holder implements AutoCloseable {
        final String choice;
        LocalAws aws;
        BackendUnavailable failure;

        Holder(String choice) {
            this.choice = choice;
            try {
                aws = new LocalAws(AwsBackend.start(choice));
            } catch (BackendUnavailable e) {
                failure = e;
            }
        }

        @Override
        public void close() {
            if (aws != null) aws.backend().close();
        }
    }
}
