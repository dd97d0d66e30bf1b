package com.bevatel.simulator.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The BOM names every artifact a user depends on (each module that is deployed), at the reactor's
 * version, and nothing else: a module added later without a BOM entry fails here.
 */
class BomTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");

    @Test
    void listsEveryDeployedModuleAndNothingElse() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        List<String> deployed = all(MODULE, parent).stream()
                .filter(module -> !module.equals("bom"))
                .map(module -> ROOT.resolve(module).resolve("pom.xml"))
                .map(BomTest::read)
                .filter(pom -> !pom.contains("<maven.deploy.skip>true</maven.deploy.skip>"))
                .map(pom -> all(ARTIFACT, pom).get(1)) // the first is the parent's
                .toList();
        String bom = read(ROOT.resolve("bom/pom.xml"));
        String managed = bom.substring(bom.indexOf("<dependencyManagement>"), bom.indexOf("</dependencyManagement>"));

        assertThat(deployed).contains("bevatel-simulator-core", "bevatel-simulator-junit", "bevatel-simulator-standalone");
        assertThat(all(ARTIFACT, managed)).containsExactlyInAnyOrderElementsOf(deployed);
        assertThat(bom).contains("<version>" + version(parent) + "</version>");
        assertThat(Stream.of(managed.split("<dependency>")).skip(1))
                .allSatisfy(entry -> assertThat(entry).contains("<version>${project.version}</version>"));
    }

    private static String version(String parentPom) {
        String project = parentPom.substring(parentPom.indexOf("<artifactId>bevatel-simulator-parent</artifactId>"));
        return project.substring(project.indexOf("<version>") + 9, project.indexOf("</version>"));
    }

    private static List<String> all(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.results().map(result -> result.group(1)).toList();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
