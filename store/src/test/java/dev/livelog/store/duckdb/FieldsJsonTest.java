package dev.livelog.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldsJsonTest {
  private static final FieldSchema SCHEMA = FieldSchema.of("text", "long", "whole_double",
      "double", "nan", "flag", "instant", "list", "absent", "odd \"name\".x");

  @Test
  void valuesKeepTheirJavaTypes() {
    Object[] values = {"a \"b\"\n\\c\u0001 é ✓ \ud83d\ude00", 42L, 2.0, -1.5e-7, Double.NaN, true,
        Instant.parse("2024-05-01T10:00:00.123456789Z"),
        List.of(1L, 2.5, "x", false, Instant.EPOCH, List.of()), null, Long.MIN_VALUE};
    String json = FieldsJson.write(new LogEvent("s", 0, 0, SCHEMA, values));

    FieldsJson.Fields back = FieldsJson.read(json);

    assertThat(back.names()).isEqualTo(SCHEMA.names());
    assertThat(back.values()).containsExactly(values);
    assertThat(types(back.values())).isEqualTo(types(values));
  }

  /** Each value's class; a list as its elements' classes: Long must not come back Integer. */
  private static List<Object> types(Object[] values) {
    return Arrays.stream(values).map(FieldsJsonTest::type).toList();
  }

  private static Object type(Object value) {
    if (value instanceof List<?> list) {
      return types(list.toArray());
    }
    return value == null ? "null" : value.getClass();
  }

  @Test
  void writesValidJsonEvenForLoneSurrogates() {
    Object[] values = {"broken \ud800 pair", 1L, 1.0, 1.0, 1.0, false, Instant.EPOCH, List.of(),
        null, 0L};
    String json = FieldsJson.write(new LogEvent("s", 0, 0, SCHEMA, values));

    assertThat(new JsonObject(json).getString("text")).isEqualTo("broken \ud800 pair");
    assertThat(FieldsJson.read(json).values()[0]).isEqualTo("broken \ud800 pair");
  }

  @Test
  void datapointSeriesMayHoldNullAndNonFiniteValues() {
    Map<String, Double> series = new LinkedHashMap<>();
    series.put("2xx", 12.0);
    series.put("none", null);
    series.put("inf", Double.NEGATIVE_INFINITY);

    FieldsJson.Fields back = FieldsJson.read(FieldsJson.write(series));

    assertThat(back.names()).containsExactly("2xx", "none", "inf");
    assertThat(back.values()).containsExactly(12.0, null, Double.NEGATIVE_INFINITY);
  }
}
