package dev.livelog.common.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OffsetRangesTest {
  @Test
  void mergesTouchingAndOverlappingRangesInAnyOrder() {
    OffsetRanges r = new OffsetRanges();
    r.add(10, 20);
    r.add(30, 40);
    assertThat(r.intervals()).isEqualTo(2);
    assertThat(r.overlaps(20, 30)).isFalse();
    assertThat(r.contains(19)).isTrue();
    assertThat(r.contains(20)).isFalse();
    r.add(20, 30);
    assertThat(r.intervals()).isEqualTo(1);
    assertThat(r.covers(10, 40)).isTrue();
    assertThat(r.covers(5, 40)).isFalse();
    r.add(0, 50);
    assertThat(r).hasToString("0-50");
    r.add(60, 70);
    r.add(55, 56);
    assertThat(OffsetRanges.parse(r.toString())).hasToString("0-50,55-56,60-70");
    assertThat(OffsetRanges.parse("").intervals()).isZero();
    OffsetRanges copy = r.copy();
    copy.add(50, 60);
    assertThat(r.intervals()).isEqualTo(3);
    assertThat(copy).hasToString("0-70");
  }
}
