package com.bevatel.simulator.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's shell walk-through and admin-API examples, run as written with bash and curl against
 * the jar started with the Quick start's flags (on a free port instead of 3000). Every output the
 * README shows in an indented comment of JSON ({@code #  {…}}) must come out of the command above
 * it: its pieces between {@code …}, in that order.
 */
class ReadmeWalkthroughIT {
    private static final Path README = Path.of("..", "README.md");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theWalkThroughAndTheAdminExamplesRunAsWritten() throws Exception {
        // CI installs both (.ci/run); elsewhere a machine without them skips, saying so.
        assumeTrue(onPath("bash") && onPath("curl"), "bash and curl are needed to run the README's shell examples");
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        List<String> flags = quickStartFlags(readme);
        List<String> args = new ArrayList<>(List.of("--port", "0"));
        args.addAll(flags);
        try (RunningJar jar = new RunningJar(args.toArray(String[]::new))) {
            String port = String.valueOf(jar.base.getPort());
            List<Step> walkThrough = steps(block(readme, "## Walk-through with curl"), port);
            assertThat(walkThrough).as("commands in the walk-through").hasSizeGreaterThan(8);
            for (Step step : walkThrough) {
                String output = runUntilItShows(step);
                if (!step.expected().isEmpty()) {
                    assertShows(step, output);
                }
            }
            List<Step> admin = steps(block(readme, "### Admin API"), port);
            assertThat(admin).as("commands in the admin API example").hasSizeGreaterThan(5);
            for (Step step : admin) {
                String output = run(step.prelude() + step.command());
                if (!step.command().startsWith("A=") && !step.command().startsWith("S=")) {
                    JsonNode answer = JSON.readTree(output);
                    assertThat(answer.has("error")).as("%s answered %s", step.command(), output).isFalse();
                }
            }
            assertThat(run("curl -s http://127.0.0.1:" + port + "/api/v1/accounts/1/conversations/1/messages"
                    + " -H 'api_access_token: dev-token'")).as("the admin example's reply reached the conversation")
                    .contains("\"content\":\"On its way\"");
            Step botDeliveries = new Step("curl -s 'http://127.0.0.1:" + port + "/_simulator/deliveries?receiver=agent_bot:1'",
                    "", List.of("{\"deliveries\":[{…\"event\":\"message_created\"…\"receiver\":{\"kind\":\"agent_bot\",\"id\":1}"));
            assertShows(botDeliveries, runUntilItShows(botDeliveries));
        }
    }

    /**
     * The "From any language" recipe, run whole as one bash script from the repository's root, as a
     * reader pastes it: it starts its own jar. Its outputs (comment lines of exactly two spaces after
     * the {@code #}) must come out, in order, each line's pieces between {@code …} in order too.
     */
    @Test
    void theRecipeFromAnyLanguageRunsAsWritten() throws Exception {
        assumeTrue(onPath("bash") && onPath("curl") && onPath("jq"), "bash, curl and jq are needed to run the README's recipe");
        String recipe = block(Files.readString(README, StandardCharsets.UTF_8), "## From any language");
        List<String> expected = Arrays.stream(recipe.split("\n")).filter(line -> line.matches("#  \\S.*"))
                .map(line -> line.substring(3)).toList();
        assertThat(expected).as("outputs the recipe shows").hasSizeGreaterThan(5);
        ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", recipe).directory(README.getParent().toFile())
                .redirectErrorStream(true);
        // The jar on the JVM that runs this build, as `java` on the PATH.
        bash.environment().merge("PATH", Path.of(System.getProperty("java.home"), "bin") + java.io.File.pathSeparator,
                (path, java) -> java + path);
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the recipe finished").isTrue();
        assertThat(process.exitValue()).as("exit status of the recipe, which printed%n%s", output).isZero();
        int from = 0;
        for (String line : expected) {
            for (String piece : line.split("…")) {
                int at = piece.isBlank() ? from : output.indexOf(piece.trim(), from);
                assertThat(at).as("the recipe shows%n  %s%nafter what came before it, but it printed%n%s", line, output).isNotNegative();
                from = at + piece.trim().length();
            }
        }
    }

    private static boolean onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    /** The flags the Quick start passes to the jar. */
    private static List<String> quickStartFlags(String readme) {
        Matcher m = Pattern.compile("bevatel-simulator\\.jar ([^\\n]*)\\n").matcher(readme.substring(readme.indexOf("## Quick start")));
        assertThat(m.find()).as("the Quick start's java -jar line").isTrue();
        return Arrays.asList(m.group(1).trim().split("\\s+"));
    }

    /** The first ```bash block after {@code heading}. */
    private static String block(String readme, String heading) {
        int at = readme.indexOf(heading);
        assertThat(at).as(heading).isNotNegative();
        int start = readme.indexOf("```bash\n", at) + "```bash\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    /** A command (with the definitions before it) and the output lines the README shows for it. */
    private record Step(String command, String prelude, List<String> expected) {
    }

    private static List<Step> steps(String block, String port) {
        List<Step> steps = new ArrayList<>();
        StringBuilder prelude = new StringBuilder();
        for (String line : block.replace("127.0.0.1:3000", "127.0.0.1:" + port).split("\n")) {
            if (line.matches("#\\s{2,}[{\\[\"].*") && !steps.isEmpty()) {
                steps.get(steps.size() - 1).expected().add(line.substring(1).trim());
            } else if (!line.isBlank() && !line.startsWith("#")) {
                steps.add(new Step(line, prelude.toString(), new ArrayList<>()));
                if (line.matches("^[A-Z]=.*")) {
                    prelude.append(line).append('\n');
                }
            }
        }
        return steps;
    }

    /** Output is asynchronous for the journal: a read that does not show it yet is tried again, briefly. */
    private static String runUntilItShows(Step step) throws Exception {
        String output = run(step.prelude() + step.command());
        boolean read = !step.command().contains(" -d ") && !step.command().contains(" -X ");
        for (int tries = 0; read && !step.expected().isEmpty() && !shows(step, output) && tries < 20; tries++) {
            Thread.sleep(100);
            output = run(step.prelude() + step.command());
        }
        return output;
    }

    private static void assertShows(Step step, String output) {
        assertThat(shows(step, output)).as("README shows for%n  %s%nthe output%n  %s%nbut it printed%n  %s", step.command(),
                String.join("\n  ", step.expected()), output).isTrue();
    }

    /** Every piece between the README's ellipses appears in the output, in order. */
    private static boolean shows(Step step, String output) {
        int from = 0;
        for (String piece : String.join("", step.expected()).split("…")) {
            String wanted = piece.trim();
            if (wanted.isEmpty()) {
                continue;
            }
            int at = output.indexOf(wanted, from);
            if (at < 0) {
                return false;
            }
            from = at + wanted.length();
        }
        return true;
    }

    private static String run(String script) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).as("%s finished", script).isTrue();
        assertThat(bash.exitValue()).as("exit status of%n%s%nwhich printed %s", script, output).isZero();
        return output;
    }
}
