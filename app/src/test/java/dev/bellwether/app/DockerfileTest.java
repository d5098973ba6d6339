package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile's build stage against the Maven reactor: every module the root pom lists is copied
 * in, or the image's Maven build stops at "Child module ... does not exist" (issue 21).
 */
class DockerfileTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
  private static final Pattern COPY =
      Pattern.compile("(?m)^COPY\\s+(?!--from)(\\S+)\\s+(\\S+)\\s*$");

  @Test
  void theBuildStageCopiesEveryReactorModule() throws IOException {
    List<String> modules = matches(MODULE, Files.readString(ROOT.resolve("pom.xml")), 1);
    List<String> copied = copiedSources(Files.readString(ROOT.resolve("Dockerfile")));

    assertThat(modules).isNotEmpty();
    for (String module : modules) {
      assertThat(copied)
          .as("the Dockerfile's build stage copies module %s (its pom at least)", module)
          .anyMatch(source -> source.equals(module + "/") || source.equals(module + "/pom.xml"));
    }
  }

  @Test
  void theBuildStageCopiesTheWrapperAndTheRootPom() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));

    assertThat(dockerfile).containsPattern("(?m)^COPY mvnw pom.xml \\./$");
    assertThat(copiedSources(dockerfile)).contains(".mvn/");
  }

  private static List<String> copiedSources(String dockerfile) {
    return matches(COPY, dockerfile, 1);
  }

  private static List<String> matches(Pattern pattern, String text, int group) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(group).trim());
    }
    return found;
  }
}
