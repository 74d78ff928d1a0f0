package org.probono.clearinghouse.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.assign.handler.AssignHandler;
import org.probono.clearinghouse.events.SnapStartPriming;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.notify.handler.NotifyHandler;
import org.probono.clearinghouse.register.handler.RegisterHandler;
import org.probono.clearinghouse.submit.handler.SubmitRequestHandler;

/** What each function runs before a SnapStart snapshot: a real invocation that only reads. */
@ExtendWith(LocalAwsExtension.class)
class SnapStartPrimingTest {
    @Test
    void every_function_primes_itself_through_its_entry_class_and_writes_nothing(LocalAws aws) {
        new RegisterHandler();
        new SubmitRequestHandler();
        new AssignHandler();
        new NotifyHandler();
        int before = aws.countItems();

        List<String> answers = SnapStartPriming.primeAll();

        assertThat(answers).hasSizeGreaterThanOrEqualTo(4);
        assertThat(answers).anySatisfy(a -> assertThat(a).contains("\"statusCode\":400"));   // unknown verification token
        assertThat(answers).anySatisfy(a -> assertThat(a).contains("\"statusCode\":401"));   // unknown org token
        assertThat(answers).anySatisfy(a -> assertThat(a).isEqualTo("{\"items\":[]}"));      // an empty queue
        assertThat(answers).anySatisfy(a -> assertThat(a).contains("batchItemFailures"));    // an outbox record for no item
        assertThat(answers).noneSatisfy(a -> assertThat(a).contains("\"error\""));
        assertThat(aws.countItems()).isEqualTo(before);
    }
}
