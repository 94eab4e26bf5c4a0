package dev.livelog.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.bus.SeriesValues;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class SeriesGaugesTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final SeriesGauges gauges = new SeriesGauges(registry);

  private static Datapoint point(String group, long time, Object... seriesAndValues) {
    return new Datapoint("5s", group, time, 10, SeriesValues.of(seriesAndValues));
  }

  @Test
  void eachSeriesIsAGaugeOfItsLatestValue() {
    gauges.published(point("status", 1_000, "2xx", 90.0, "5xx", 10.0));
    gauges.published(point("status", 2_000, "2xx", 95.5, "5xx", 4.5));
    gauges.published(point("status", 1_500, "2xx", 1.0, "5xx", 99.0)); // backfill: older
    gauges.published(point("aurt", 2_000, "10.0.0.1:80", null));
    String scraped = registry.scrape();
    assertThat(scraped)
        .contains("livelog_series{group=\"status\",period=\"5s\",series=\"2xx\"} 95.5")
        .contains("livelog_series{group=\"status\",period=\"5s\",series=\"5xx\"} 4.5")
        .contains("livelog_series{group=\"aurt\",period=\"5s\",series=\"10.0.0.1:80\"} NaN")
        .contains("livelog_series_unexported 0.0");
  }

  @Test
  void aSeriesGoneFromItsGroupAndAGroupNoLongerPublishedLeave() {
    gauges.published(point("top", 1_000, "/a", 3.0, "/b", 2.0));
    gauges.published(point("status", 1_000, "5xx", 1.0));
    gauges.published(point("top", 2_000, "/a", 4.0, "/c", 1.0));
    String scraped = registry.scrape();
    assertThat(scraped).contains("series=\"/a\"} 4.0").contains("series=\"/c\"} 1.0")
        .doesNotContain("series=\"/b\"");
    gauges.released("5s", "status");
    assertThat(registry.scrape()).doesNotContain("group=\"status\"").contains("group=\"top\"");
    gauges.published(point("status", 9_000, "5xx", 2.0));
    assertThat(registry.scrape()).contains("livelog_series{group=\"status\",period=\"5s\",series=\"5xx\"} 2.0");
  }

  @Test
  void pastTheCapNewSeriesAreCountedNotExported() {
    Object[] many = new Object[2 * (SeriesGauges.MAX_GAUGES + 3)];
    for (int i = 0; i < many.length; i += 2) {
      many[i] = "v" + i;
      many[i + 1] = 1.0;
    }
    gauges.published(point("wide", 1_000, many));
    gauges.published(point("wide", 2_000, many));
    assertThat(registry.find(SeriesGauges.NAME).gauges()).hasSize(SeriesGauges.MAX_GAUGES);
    assertThat(registry.scrape()).contains("livelog_series_unexported 3.0");
    gauges.released("5s", "wide");
    assertThat(registry.scrape()).contains("livelog_series_unexported 0.0");
  }
}
