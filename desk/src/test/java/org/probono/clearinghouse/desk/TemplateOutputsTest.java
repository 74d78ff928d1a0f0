package org.probono.clearinghouse.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.local.backend.Template;

/** What desk relies on outside its module: the stack's outputs, the event files, the completion script. */
class TemplateOutputsTest {
    @Test
    void the_template_outputs_the_name_of_every_function_desk_invokes() {
        Template template = Template.fromRepository();
        for (AdminFunction function : AdminFunction.values()) {
            assertThat(template.hasResource(function.logicalId))
                    .as(function.logicalId)
                    .isTrue();
            JsonNode output = template.root().path("Outputs").path(function.stackOutput());
            assertThat(output.path("Value").asText()).as(function.stackOutput()).isEqualTo(function.logicalId);
        }
        assertThat(template.root()
                        .path("Outputs")
                        .path("SubmitRequestFunctionName")
                        .path("Value")
                        .asText())
                .isEqualTo("SubmitRequestFunction");
    }

    @Test
    void the_bash_completion_offers_every_command_and_option() throws IOException {
        String completion = Files.readString(Template.repositoryRoot().resolve("desk/completion.bash"));
        for (Command command : Command.values()) assertThat(completion).contains(" " + command.word + " ");
        for (String option : Arguments.VALUED) assertThat(completion).contains("--" + option + " ");
        for (String option : Arguments.SWITCHES) assertThat(completion).contains("--" + option + " ");
    }
}
