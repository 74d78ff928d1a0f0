package org.probono.clearinghouse.assign.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.matters.Answer;

@ExtendWith(LocalAwsExtension.class)
class ShowCommandTest {
    private Fixture fx;
    private LegalRequest request;
    private Lawyer meera, ravi;

    @BeforeEach
    void setUp(LocalAws aws) {
        fx = new Fixture(aws);
        request = fx.request("Unpaid wages of shelter staff");
        meera = fx.lawyer("Meera Das");
        ravi = fx.lawyer("Ravi Sen");
    }

    @Test
    void show_names_every_offer_with_its_lawyer_and_answer_and_the_history_but_nothing_confidential() {
        fx.invoke("assign-assign.json", Map.of("requestId", request.id(), "lawyerIds", List.of(meera.id(), ravi.id())));
        fx.decisions().answer(request.id(), ravi.id(), new Answer.Decline("conflict with a client"), "test");
        fx.decisions().answer(request.id(), meera.id(), new Answer.Accept(), "test");

        JsonNode shown = fx.invoke("assign-show.json", Map.of("requestId", request.id()));

        assertThat(shown.path("id").asText()).isEqualTo(request.id());
        assertThat(shown.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(shown.path("organisation").path("name").asText()).isEqualTo("Shakti Vahini");
        assertThat(shown.path("lawyer").path("name").asText()).isEqualTo("Meera Das");
        assertThat(shown.path("offers")).hasSize(2);
        assertThat(shown.path("offers").findValuesAsText("status")).containsExactlyInAnyOrder("ACCEPTED", "DECLINED");
        JsonNode declined = shown.path("offers")
                .get(shown.path("offers").get(0).path("status").asText().equals("DECLINED") ? 0 : 1);
        assertThat(declined.path("name").asText()).isEqualTo("Ravi Sen");
        assertThat(declined.path("note").asText()).isEqualTo("conflict with a client");
        assertThat(shown.path("history").findValuesAsText("status")).contains("OFFERED", "ACCEPTED");
        assertThat(shown.has("confidentialDetails")).isFalse();
        assertThat(shown.toString()).doesNotContain("sealed");
    }

    @Test
    void showing_an_unknown_request_is_a_404_and_a_typo_in_a_field_is_a_400() {
        assertThat(fx.invoke("assign-show.json", Map.of("requestId", "0193c5a0-0000-7000-8000-00000000dead"))
                        .path("error")
                        .path("status")
                        .asInt())
                .isEqualTo(404);
        assertThat(fx.invoke("{\"command\":\"show\",\"request\":\"" + request.id() + "\"}")
                        .path("error")
                        .path("status")
                        .asInt())
                .isEqualTo(400);
    }
}
