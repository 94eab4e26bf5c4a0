package dev.livelog.store.mongo;

import dev.livelog.common.event.FieldValues;
import dev.livelog.store.query.AggregateQuery;
import dev.livelog.store.query.BucketStats;
import dev.livelog.common.where.Filter;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@link AggregateQuery} as a MongoDB aggregation pipeline: match by time and filters, compute
 * each event's bucket, group by bucket and key. Values for percentiles are pushed per group and
 * counted here; top keys per bucket are cut here.
 */
final class MongoAggregates {
  private final MongoClient client;

  MongoAggregates(MongoClient client) {
    this.client = client;
  }

  Future<List<BucketStats>> run(AggregateQuery q) {
    // Handlers for the end and errors go on before the row handler, which starts the stream.
    Promise<List<JsonObject>> done = Promise.promise();
    List<JsonObject> groups = new ArrayList<>();
    ReadStream<JsonObject> rows = client.aggregate(MongoEventStore.EVENTS, pipeline(q));
    rows.exceptionHandler(done::tryFail)
        .endHandler(v -> done.tryComplete(groups))
        .handler(groups::add);
    return done.future().map(all -> toStats(q, all));
  }

  private static JsonArray pipeline(AggregateQuery q) {
    JsonArray and = new JsonArray().add(new JsonObject().put("time", new JsonObject()
        .put("$gte", MongoValues.date(q.from())).put("$lt", MongoValues.date(q.to()))));
    for (Filter f : q.filters()) {
      if (!f.isEmpty()) {
        and.add(MongoFilters.of(f));
      }
    }
    String value = q.valueField() == null ? null : "$" + MongoFilters.path(q.valueField());
    JsonObject project = new JsonObject()
        .put("b", new JsonObject().put("$floor", new JsonObject().put("$divide", new JsonArray()
            .add(new JsonObject().put("$subtract", new JsonArray().add("$time").add(MongoValues.date(q.from()))))
            .add(q.step()))))
        .put("k", q.groupBy() == null ? null : "$" + MongoFilters.path(q.groupBy()))
        .put("v", value);
    JsonObject group = new JsonObject()
        .put("_id", new JsonObject().put("b", "$b").put("k", "$k"))
        .put("n", new JsonObject().put("$sum", 1));
    if (value != null) {
      group.put("vs", new JsonObject().put("$push", "$v"));
    }
    return new JsonArray()
        .add(new JsonObject().put("$match", new JsonObject().put("$and", and)))
        .add(new JsonObject().put("$project", project))
        .add(new JsonObject().put("$group", group));
  }

  private static List<BucketStats> toStats(AggregateQuery q, List<JsonObject> groups) {
    List<BucketStats> out = new ArrayList<>();
    for (JsonObject g : groups) {
      JsonObject id = g.getJsonObject("_id");
      Object key = id.getValue("k");
      long count = ((Number) g.getValue("n")).longValue();
      long measured = 0;
      double sum = 0;
      double min = Double.NaN;
      double max = Double.NaN;
      Map<Double, Long> valueCounts = q.valueCounts() ? new HashMap<>() : null;
      JsonArray values = g.getJsonArray("vs", new JsonArray());
      for (Object raw : values) {
        double v = FieldValues.toDouble(MongoValues.fromBson(raw));
        if (Double.isNaN(v)) {
          continue;
        }
        measured++;
        sum += v;
        min = Double.isNaN(min) ? v : Math.min(min, v);
        max = Double.isNaN(max) ? v : Math.max(max, v);
        if (valueCounts != null) {
          valueCounts.merge(threeDigits(v), 1L, Long::sum);
        }
      }
      out.add(new BucketStats(((Number) id.getValue("b")).longValue(),
          q.groupBy() == null ? null : FieldValues.toText(MongoValues.fromBson(key)),
          count, measured, sum, min, max, valueCounts));
    }
    return q.keysPerBucket() > 0 ? topKeys(out, q.keysPerBucket()) : out;
  }

  private static List<BucketStats> topKeys(List<BucketStats> rows, int perBucket) {
    return rows.stream().collect(Collectors.groupingBy(BucketStats::bucket)).values().stream()
        .flatMap(bucket -> bucket.stream()
            .sorted(Comparator.comparingLong(BucketStats::count).reversed()
                .thenComparing(BucketStats::key))
            .limit(perBucket))
        .collect(Collectors.toList());
  }

  /** Three significant digits, as the embedded store rounds: percentiles within 1%. */
  static double threeDigits(double v) {
    if (v == 0) {
      return 0;
    }
    int scale = 2 - (int) Math.floor(Math.log10(Math.abs(v)));
    return java.math.BigDecimal.valueOf(v).setScale(scale, java.math.RoundingMode.HALF_UP).doubleValue();
  }
}
