package dev.livelog.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM options the {@code livelog} launcher gives a command: its small heap for one-shot
 * commands, unless {@code LIVELOG_JAVA_OPTS} names a heap size or a collector of its own. The
 * launcher runs from a copy beside a built jar, with a {@code java} on the PATH that prints the
 * arguments it got.
 */
class LauncherHeapTest {
  @TempDir Path dir;

  @Test
  void aOneShotCommandGetsTheSmallHeapUnlessTheUserNamesOne() throws Exception {
    assertThat(javaArguments("analyze", "")).containsSequence("-XX:+UseSerialGC", "-Xms16m", "-Xmx192m");
    assertThat(javaArguments("analyze", "-Dlivelog.debug=true")).contains("-Xmx192m", "-Dlivelog.debug=true");
    assertThat(javaArguments("run", "")).noneMatch(a -> a.startsWith("-Xm"));
    // With the launcher's options, an initial heap above its 192m or a second collector stops the JVM.
    for (String own : List.of("-Xms512m", "-Xmx1g", "-XX:InitialHeapSize=300m", "-XX:MaxRAMPercentage=50",
        "-XX:+UseG1GC")) {
      assertThat(javaArguments("analyze", own)).as(own).contains(own)
          .doesNotContain("-Xmx192m", "-Xms16m", "-XX:+UseSerialGC");
    }
  }

  private List<String> javaArguments(String command, String javaOpts) throws Exception {
    Path copy = dir.resolve("livelog");
    Files.copy(repository().resolve("livelog"), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.createDirectories(dir.resolve("app/target"));
    Files.writeString(dir.resolve("app/target/livelog.jar"), ""); // built: no sources are newer
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    ProcessBuilder launch = new ProcessBuilder("bash", copy.toString(), command).redirectErrorStream(true);
    launch.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    launch.environment().put("LIVELOG_CDS", "off");
    launch.environment().put("LIVELOG_JAVA_OPTS", javaOpts);
    Process p = launch.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out.lines().toList();
  }

  /** The repository this test runs in (Surefire runs it in app/). */
  private static Path repository() {
    Path at = Path.of("").toAbsolutePath();
    while (at != null && !(Files.exists(at.resolve("livelog")) && Files.exists(at.resolve("pom.xml")))) {
      at = at.getParent();
    }
    if (at == null) {
      throw new IllegalStateException("no livelog launcher above " + Path.of("").toAbsolutePath());
    }
    return at;
  }
}
