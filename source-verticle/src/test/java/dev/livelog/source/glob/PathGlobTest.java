package dev.livelog.source.glob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PathGlobTest {
  @Test
  void aStarMatchesWithinOneNameAndTheBaseIsTheFixedDirectory() {
    PathGlob glob = PathGlob.compile("/var/log/nginx/*.access.log");
    assertThat(glob.base()).isEqualTo("/var/log/nginx");
    assertThat(glob.depth()).isEqualTo(1);
    assertThat(glob.match("/var/log/nginx/shop.access.log")).contains(Map.of());
    assertThat(glob.match("/var/log/nginx/shop.access.log.1")).isEmpty();
    assertThat(glob.match("/var/log/nginx/sub/shop.access.log")).isEmpty();
    assertThat(glob.match("/var/log/nginx/shop.error.log")).isEmpty();
  }

  @Test
  void namedCapturesBecomeFields() {
    PathGlob glob = PathGlob.compile("/srv/<site>/logs/<vhost>.access.log");
    assertThat(glob.base()).isEqualTo("/srv");
    assertThat(glob.depth()).isEqualTo(3);
    assertThat(glob.captures()).containsExactly("site", "vhost");
    assertThat(glob.match("/srv/shop/logs/www.shop.example.access.log"))
        .contains(Map.of("site", "shop", "vhost", "www.shop.example"));
  }

  @Test
  void doubleStarSpansDirectoriesAndBracesAndClassesWork() {
    PathGlob glob = PathGlob.compile("/var/log/pods/**/{nginx,ingress}-[0-9].log");
    assertThat(glob.base()).isEqualTo("/var/log/pods");
    assertThat(glob.depth()).isEqualTo(Integer.MAX_VALUE);
    assertThat(glob.match("/var/log/pods/nginx-1.log")).isPresent();
    assertThat(glob.match("/var/log/pods/a/b/ingress-7.log")).isPresent();
    assertThat(glob.match("/var/log/pods/a/b/other-7.log")).isEmpty();
    assertThat(glob.match("/var/log/pods/a/nginx-x.log")).isEmpty();
  }

  @Test
  void badPatternsSayWhy() {
    assertThat(PathGlob.isGlob("/var/log/nginx/access.log")).isFalse();
    assertThat(PathGlob.isGlob("/var/log/nginx/<vhost>.log")).isTrue();
    assertThatThrownBy(() -> PathGlob.compile("logs/*.log")).hasMessageContaining("absolute");
    assertThatThrownBy(() -> PathGlob.compile("/logs/[a.log")).hasMessageContaining("]");
    assertThatThrownBy(() -> PathGlob.compile("/logs/<a b>.log")).hasMessageContaining("<name>");
    assertThatThrownBy(() -> PathGlob.compile("/logs/a**b.log")).hasMessageContaining("**");
  }
}
