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

/** What each function runs before a SnapStart snapshot: real invocations, one per path that only reads. */
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

        assertThat(answers).hasSizeGreaterThanOrEqualTo(8);
        assertThat(answers)
                .anySatisfy(a -> assertThat(a)
                        .contains("\"statusCode\":400")
                        .contains("verification")); // unknown verification token
        assertThat(answers)
                .anySatisfy(a -> assertThat(a).contains("\"statusCode\":400").contains("validation")); // an empty form
        assertThat(answers).anySatisfy(a -> assertThat(a).contains("\"statusCode\":401")); // unknown org token
        assertThat(answers)
                .anySatisfy(a -> assertThat(a).isEqualTo("{\"items\":[]}")); // an empty queue, no registration pending
        assertThat(answers).anySatisfy(a -> assertThat(a).contains("\"status\":404")); // suggestions for no request
        assertThat(answers)
                .anySatisfy(a -> assertThat(a).contains("batchItemFailures")); // an outbox record for no item
        assertThat(answers).anySatisfy(a -> assertThat(a).contains("RAW_MAIL_MISSING")); // a reply with no raw mail
        assertThat(answers).noneSatisfy(a -> assertThat(a).contains("\"status\":500"));
        assertThat(answers).noneSatisfy(a -> assertThat(a).contains("\"statusCode\":500"));
        assertThat(aws.countItems()).isEqualTo(before);
    }
}
