package com.bevatel.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Citations name Chatwoot's own source (e.g. {@code app/listeners/webhook_listener.rb},
 * {@code app/models/conversation.rb#webhook_data}) or state the fact inline. Comments used to cite the
 * sections of a reference document that is not in this repository, so a reader could not follow them.
 * This scans every Java file of the repository ({@code ..} from this module), the wire contract
 * ({@code src/test/resources/contract/}) and the standalone OpenAPI description, and lists each line that
 * names that document ({@code API} dot {@code md}) or cites a bare section sign followed by a number —
 * unless the word "issue" stands just before it: the project's own issues ("issue 14 …") are fine.
 */
class SourceCitationsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path CONTRACT = ROOT.resolve("simulator-core/src/test/resources/contract");
    private static final Path STANDALONE_RESOURCES = ROOT.resolve("standalone/src/main/resources");
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "node_modules");
    private static final Pattern DOCUMENT = Pattern.compile("\\bAPI\\.md\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SECTION = Pattern.compile("\u00a7\\s*\\d");
    private static final Pattern ISSUE = Pattern.compile("\\bissues?\\b", Pattern.CASE_INSENSITIVE);
    /** How far before a section sign "issue" may stand: "issue 14 §9 and §19" cites issue 14 twice. */
    private static final int NEARBY = 30;

    @Test
    void citationsNameChatwootsSourceNotAMissingDocument() {
        List<Path> files = scannedFiles();
        assertThat(files.stream().filter(f -> f.toString().endsWith(".java")).count())
                .as("Java files found under " + ROOT).isGreaterThan(100);
        assertThat(files).as("contract resources").anyMatch(f -> f.startsWith(CONTRACT));

        List<String> offenders = new ArrayList<>();
        for (Path file : files) {
            String[] lines = read(file).split("\r\n|\r|\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (deadCitation(lines[i])) {
                    offenders.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + lines[i].strip());
                }
            }
        }
        if (!offenders.isEmpty()) {
            fail(offenders.size() + " line(s) cite the sections of a document this repository does not have. Cite Chatwoot's "
                    + "source file instead (e.g. app/controllers/api/v1/accounts/conversations_controller.rb, "
                    + "app/models/message.rb#webhook_data), or state the fact in a few words:\n  "
                    + String.join("\n  ", offenders));
        }
    }

    @Test
    void whatCountsAsADeadCitation() {
        assertThat(deadCitation("/** Account webhooks (API" + ".md \u00a75.8): create, update, delete. */")).isTrue();
        assertThat(deadCitation("see api" + ".md for the shapes")).isTrue();
        assertThat(deadCitation("// \u00a77.2: attachments are appended after source_id.")).isTrue();
        assertThat(deadCitation("{@code /conversations/{id}/messages} (\u00a7 5.5\u2013\u00a75.7)")).isTrue();
        assertThat(deadCitation(" * Issue 14 \u00a79 and \u00a719, as the jar runs by default")).isFalse();
        assertThat(deadCitation("byte-identical responses (issue \u00a74); another seed")).isFalse();
        assertThat(deadCitation("the routes (app/listeners/webhook_listener.rb#conversation_created)")).isFalse();
        assertThat(deadCitation("an issue was filed long ago; meanwhile this line cites a section far away: \u00a73.6"))
                .isTrue();
    }

    /** Names the missing document, or has a section sign with a number and no "issue" just before it. */
    static boolean deadCitation(String line) {
        if (DOCUMENT.matcher(line).find()) {
            return true;
        }
        Matcher section = SECTION.matcher(line);
        while (section.find()) {
            String before = line.substring(Math.max(0, section.start() - NEARBY), section.start());
            if (!ISSUE.matcher(before).find()) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> scannedFiles() {
        List<Path> files = new ArrayList<>();
        walk(ROOT, f -> f.getFileName().toString().endsWith(".java"), files);
        walk(CONTRACT, f -> true, files);
        walk(STANDALONE_RESOURCES, f -> f.getFileName().toString().matches("openapi.*\\.json"), files);
        return files;
    }

    private static void walk(Path start, java.util.function.Predicate<Path> wanted, List<Path> into) {
        if (!Files.isDirectory(start)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(start)) {
            paths.filter(Files::isRegularFile)
                    .filter(f -> ROOT.relativize(f).getNameCount() > 0 && !inSkippedDirectory(ROOT.relativize(f)))
                    .filter(wanted)
                    .filter(f -> !into.contains(f))
                    .forEach(into::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean inSkippedDirectory(Path relative) {
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            String name = relative.getName(i).toString();
            if (SKIPPED_DIRECTORIES.contains(name) || name.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
