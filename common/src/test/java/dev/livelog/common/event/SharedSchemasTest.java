package dev.livelog.common.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Events read back (from a store, from the wire) share schemas, in bounded memory. */
class SharedSchemasTest {
  @Test
  void theSameNamesGiveTheSameSchemaAndEverNewNamesStopBeingCached() {
    SharedSchemas schemas = new SharedSchemas();
    assertThat(schemas.of(List.of("status", "path"))).isSameAs(schemas.of(List.of("status", "path")));
    // A JSON log without a mapping: every line a key set of its own, 50 keys each.
    for (int line = 0; line < 10_000; line++) {
      List<String> names = new ArrayList<>();
      for (int k = 0; k < 50; k++) {
        names.add("line" + line + ".key" + k);
      }
      assertThat(schemas.of(names).names()).isEqualTo(names);
    }
    assertThat(schemas.cachedNames()).isLessThanOrEqualTo(100_000);
    assertThat(schemas.of(List.of("status", "path"))).isSameAs(schemas.of(List.of("status", "path")));
  }
}
