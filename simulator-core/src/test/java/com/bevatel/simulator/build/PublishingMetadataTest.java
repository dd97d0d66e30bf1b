package com.bevatel.simulator.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a repository requires of a published POM, and what the README tells users to write, stays true: the BOM
 * (which has no parent) states the same metadata as the parent POM, and the README's Maven and Gradle snippets
 * name artifacts that exist, at the version being built.
 */
class PublishingMetadataTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern MAVEN_COORDINATES = Pattern.compile(
            "<groupId>com\\.bevatel\\.simulator</groupId>\\s*<artifactId>([^<]+)</artifactId>\\s*<version>([^<]+)</version>");
    private static final Pattern GRADLE_COORDINATES = Pattern.compile("[\"']com\\.bevatel\\.simulator:([a-z-]+)(?::([^\"']+))?[\"']");
    private static final Pattern GRADLE_JUNIT_BOM = Pattern.compile("org\\.junit:junit-bom:([^\"']+)");

    @Test
    void theBomStatesTheParentsMetadata() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
        for (String element : List.of("licenses", "developers", "scm")) {
            assertThat(section(bom, element)).as("<%s> of bom/pom.xml", element).isEqualTo(section(parent, element));
        }
        assertThat(section(bom, "release.home")).as("release.home").isEqualTo(section(parent, "release.home"));
        Pattern projectUrl = Pattern.compile("\n  <url>([^<]+)</url>");
        assertThat(all(projectUrl, parent)).as("the parent's project url").containsExactly("${release.home}");
        assertThat(all(projectUrl, bom)).as("the BOM's project url").containsExactly("${release.home}");
    }

    @Test
    void theReadmesCoordinatesExistAtThisVersion() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        String version = section(parent.substring(parent.indexOf("<artifactId>bevatel-simulator-parent")), "version");
        String released = version.replace("-SNAPSHOT", "");
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
        List<String> artifacts = all(Pattern.compile("<artifactId>(bevatel-simulator-[a-z-]+)</artifactId>"), bom);
        String readme = Files.readString(ROOT.resolve("README.md"));

        List<MatchResult> maven = MAVEN_COORDINATES.matcher(readme).results().map(MatchResult::of).toList();
        List<MatchResult> gradle = GRADLE_COORDINATES.matcher(readme).results().map(MatchResult::of).toList();
        assertThat(maven).as("Maven coordinates in the README").hasSizeGreaterThanOrEqualTo(2);
        assertThat(gradle).as("Gradle coordinates in the README (Kotlin and Groovy)").hasSizeGreaterThanOrEqualTo(4);
        for (MatchResult coordinates : concat(maven, gradle)) {
            assertThat(coordinates.artifact()).as(coordinates.text()).isIn(artifacts);
            if (coordinates.version() != null) {
                assertThat(coordinates.version()).as(coordinates.text()).isIn(version, released);
            }
        }
        String junit = section(parent, "junit.version");
        assertThat(all(GRADLE_JUNIT_BOM, readme)).as("the JUnit BOM in the Gradle snippets").hasSize(2)
                .containsOnly(junit);
    }

    private record MatchResult(String text, String artifact, String version) {
        static MatchResult of(java.util.regex.MatchResult match) {
            return new MatchResult(match.group(), match.group(1), match.group(2));
        }
    }

    private static List<MatchResult> concat(List<MatchResult> first, List<MatchResult> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    /** The text of the first {@code <element>…</element>}. */
    private static String section(String pom, String element) {
        int start = pom.indexOf("<" + element + ">");
        assertThat(start).as("<%s> present", element).isNotNegative();
        return pom.substring(start + element.length() + 2, pom.indexOf("</" + element + ">", start)).strip();
    }

    private static List<String> all(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.results().map(result -> result.group(1)).toList();
    }
}
