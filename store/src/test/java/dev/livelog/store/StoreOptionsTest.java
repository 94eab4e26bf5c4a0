package dev.livelog.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoreOptionsTest {
  @Test
  void linesWaitingForTheStoreAreBoundedTo256MiOrAQuarterOfASmallerHeap() {
    assertThat(StoreOptions.pendingLineCharsFor(8L << 30)).isEqualTo(256L << 20);
    assertThat(StoreOptions.pendingLineCharsFor(512L << 20)).isEqualTo(128L << 20);
    assertThat(StoreOptions.defaults().maxPendingLineChars())
        .isEqualTo(StoreOptions.pendingLineCharsFor(Runtime.getRuntime().maxMemory()));
  }
}
