package dev.livelog.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where a sign-in may send the browser: a path of this site, never another site. */
class LocalPathTest {
  @Test
  void whateverIsAskedTheRedirectStaysOnThisSite() {
    assertThat(LocalPath.of("//evil.example/x?token=T")).isEqualTo("/evil.example/x?token=T");
    assertThat(LocalPath.of("/\\evil.example")).isEqualTo("/evil.example");
    assertThat(LocalPath.of("\\\\evil.example")).isEqualTo("/evil.example");
    assertThat(LocalPath.of("https://evil.example/x")).isEqualTo("/");
    assertThat(LocalPath.of("evil.example")).isEqualTo("/");
    assertThat(LocalPath.of("javascript:alert(1)")).isEqualTo("/");
    assertThat(LocalPath.of("/a/../../../x")).isEqualTo("/x");
    assertThat(LocalPath.of("/./a/./b/")).isEqualTo("/a/b/");
    assertThat(LocalPath.of(null)).isEqualTo("/");
    assertThat(LocalPath.of("")).isEqualTo("/");
  }

  @Test
  void nothingCanBreakOutOfTheLocationHeader() {
    assertThat(LocalPath.of("/x\r\nSet-Cookie: a=b")).isEqualTo("/x%0D%0ASet-Cookie:%20a=b");
    assertThat(LocalPath.of("/é?q=<script>")).isEqualTo("/%C3%A9?q=%3Cscript%3E");
    assertThat(LocalPath.of("/x#fragment")).isEqualTo("/x");
  }

  @Test
  void anOrdinaryPageKeepsItsPathAndQuery() {
    assertThat(LocalPath.of("/")).isEqualTo("/");
    assertThat(LocalPath.of("/index.html?view=x&range=1h")).isEqualTo("/index.html?view=x&range=1h");
  }
}
