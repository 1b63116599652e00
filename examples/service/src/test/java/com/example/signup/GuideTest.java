package com.example.signup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Rondo's guide (docs/java.md) shows this project's flow and Maven set-up; this keeps them the same.
 * Skipped in a copy of the project outside Rondo's repository.
 */
class GuideTest {

    private static final Path GUIDE = Path.of("../../docs/java.md");
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");

    @Test
    void theGuidesFlowIsThisProjectsFlow() throws IOException {
        String flow = Files.readString(Path.of("src/main/flows/signup.flow")).replaceAll("(?m)^//.*\\n", "");
        assertEquals(flow, block("## 4.", "```js"));
    }

    @Test
    void everyArtifactOfTheGuidesMavenSetUpIsInThisProjectsPom() throws IOException {
        List<String> missing = new ArrayList<>(artifacts(block("## 2.", "```xml")));
        missing.removeAll(artifacts(Files.readString(Path.of("pom.xml"))));
        assertEquals(List.of(), missing, "artifacts of docs/java.md's Maven block that pom.xml lacks");
    }

    /** The first fenced block opened by {@code fence} after the heading that starts with {@code heading}. */
    private static String block(String heading, String fence) throws IOException {
        assumeTrue(Files.isRegularFile(GUIDE), "not inside Rondo's repository");
        String guide = Files.readString(GUIDE);
        int section = guide.indexOf("\n" + heading);
        int start = guide.indexOf(fence + "\n", section) + fence.length() + 1;
        return guide.substring(start, guide.indexOf("```\n", start));
    }

    private static List<String> artifacts(String xml) {
        List<String> found = new ArrayList<>();
        Matcher m = ARTIFACT.matcher(xml);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
