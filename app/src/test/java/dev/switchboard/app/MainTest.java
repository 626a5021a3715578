package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The launcher, run as a real process the way an operator runs it. */
class MainTest {

    @Test
    void exitsWithStatus2ListingEveryConfigurationProblem() throws IOException, InterruptedException {
        ProcessBuilder launch = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName())
                .redirectErrorStream(true);
        launch.environment().keySet().removeIf(name -> name.startsWith("SWITCHBOARD_"));
        launch.environment().put("SWITCHBOARD_HTTP_PORT", "eighty");
        launch.environment().put("SWITCHBOARD_STORE", "cassandra");
        launch.environment().put("SWITCHBOARD_MASTER_KEY", "not-a-key");

        Process process = launch.start();
        boolean exited = process.waitFor(30, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(exited).as("exited within 30 s").isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(2);
        assertThat(output)
                .contains("invalid configuration (3 problems)")
                .contains("SWITCHBOARD_HTTP_PORT")
                .contains("SWITCHBOARD_STORE: must be one of [memory]")
                .contains("SWITCHBOARD_MASTER_KEY")
                .doesNotContain("not-a-key");
    }
}
