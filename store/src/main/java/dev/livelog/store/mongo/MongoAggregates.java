package dev.livelog.store.mongo;

import dev.livelog.common.event.FieldValues;
import dev.livelog.common.where.Filter;
import dev.livelog.store.query.AggregateQuery;
import dev.livelog.store.query.BucketStats;
import dev.livelog.store.query.Deadline;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link AggregateQuery} as a MongoDB aggregation pipeline, computed by the server: match by
 * time and filters, compute each event's bucket, key and numeric value, and {@code $group} by
 * bucket and key into count, values measured, sum, minimum and maximum. Nothing is pushed per
 * event: for percentiles, events are first grouped by their value rounded to three significant
 * digits and each group's value counts pushed (a few hundred per decade at most); top keys are
 * sorted and cut per bucket on the server. Only operators that mongo-java-server (what the
 * tests talk to) supports are used: no {@code $topN}, {@code $round}, {@code $let}, and
 * {@code $ln} rather than {@code $log} (which it reads with one argument).
 */
final class MongoAggregates {
  private final Vertx vertx;
  private final MongoClient client;

  MongoAggregates(Vertx vertx, MongoClient client) {
    this.vertx = vertx;
    this.client = client;
  }

  Future<List<BucketStats>> run(AggregateQuery q, Deadline deadline) {
    Future<List<BucketStats>> rows = MongoPipeline.run(vertx, client, MongoEventStore.EVENTS,
        pipeline(q), deadline).map(r -> toStats(q, r));
    if (!q.foldRest() || !q.valueCounts()) {
      return rows;
    }
    // The folded rows' value counts: each bucket's, less those of the keys kept (see foldRest).
    // Unkeyed, but still a row per try of a list-valued key, as the kept keys' counts are.
    AggregateQuery wholeBuckets = new AggregateQuery(q.from(), q.to(), q.step(), q.filters(),
        q.groupBy(), q.valueField(), true, 0, false, q.triesMeasured());
    Future<List<BucketStats>> totals = MongoPipeline.run(vertx, client, MongoEventStore.EVENTS,
        pipeline(wholeBuckets, false), deadline).map(r -> toStats(wholeBuckets, r));
    return Future.all(rows, totals).map(v -> withFoldedValueCounts(rows.result(), totals.result()));
  }

  private static List<BucketStats> withFoldedValueCounts(List<BucketStats> rows, List<BucketStats> totals) {
    Map<Long, Map<Double, Long>> rest = new HashMap<>();
    totals.forEach(t -> rest.put(t.bucket(), new HashMap<>(t.valueCounts())));
    for (BucketStats r : rows) {
      if (r.folded() == 0) {
        Map<Double, Long> left = rest.getOrDefault(r.bucket(), new HashMap<>());
        r.valueCounts().forEach((value, count) -> left.merge(value, -count, Long::sum));
      }
    }
    List<BucketStats> out = new ArrayList<>(rows.size());
    for (BucketStats r : rows) {
      if (r.folded() == 0) {
        out.add(r);
        continue;
      }
      Map<Double, Long> left = rest.getOrDefault(r.bucket(), Map.of());
      left.values().removeIf(count -> count <= 0);
      out.add(new BucketStats(r.bucket(), r.key(), r.count(), r.measured(), r.sum(), r.min(), r.max(),
          left, r.folded()));
    }
    return out;
  }

  static JsonArray pipeline(AggregateQuery q) {
    return pipeline(q, true);
  }

  /**
   * @param keyed whether rows are per key, or per bucket only (the events are still a row per
   *     try of a list-valued {@code groupBy}, with each try's value)
   */
  private static JsonArray pipeline(AggregateQuery q, boolean keyed) {
    JsonArray and = new JsonArray().add(new JsonObject().put("time", new JsonObject()
        .put("$gte", MongoValues.date(q.from())).put("$lt", MongoValues.date(q.to()))));
    for (Filter f : q.filters()) {
      if (!f.isEmpty()) {
        and.add(MongoFilters.of(f));
      }
    }
    String value = q.valueField() == null ? null : "$" + MongoFilters.path(q.valueField());
    JsonObject project = new JsonObject()
        .put("b", new JsonObject().put("$floor", divide(subtract("$time", MongoValues.date(q.from())), q.step())))
        .put("k", q.groupBy() == null ? null : MongoFilters.value(q.groupBy()))
        .put("v", value == null ? null : q.triesMeasured() ? tries(value) : value);
    JsonArray pipeline = new JsonArray()
        .add(new JsonObject().put("$match", new JsonObject().put("$and", and)))
        .add(new JsonObject().put("$project", project));
    perTry(pipeline, q);
    Object key = keyed ? "$k" : null;
    if (q.valueCounts()) {
      // Events grouped by their rounded value first, then each group's value counts pushed.
      pipeline.add(stage("$addFields", new JsonObject().put("r", threeDigits("$v"))))
          .add(stage("$group", groupFields(new JsonObject().put("b", "$b").put("k", key).put("r", "$r"), 1)
              .put("s", sum("$v")).put("lo", op("$min", "$v")).put("hi", op("$max", "$v"))))
          .add(stage("$group", groupFields(new JsonObject().put("b", "$_id.b").put("k", "$_id.k"), "$n")
              .put("m", sum(cond(isNull("$_id.r"), 0, "$n")))
              .put("s", sum("$s")).put("lo", op("$min", "$lo")).put("hi", op("$max", "$hi"))
              .put("vc", op("$push", new JsonObject().put("r", "$_id.r").put("c", "$n")))));
    } else {
      pipeline.add(stage("$group", groupFields(new JsonObject().put("b", "$b").put("k", key), 1)
          .put("m", sum(cond(isNull("$v"), 0, 1)))
          .put("s", sum("$v")).put("lo", op("$min", "$v")).put("hi", op("$max", "$v"))));
    }
    if (q.keysPerBucket() > 0) {
      topKeys(pipeline, q);
    }
    return pipeline;
  }

  /**
   * Turns the projected events' raw value {@code v} into their numeric value: with a
   * {@code groupBy}, an event whose key is a list (one entry per upstream try) becomes one
   * document per entry ({@code $unwind}, the entry's index in {@code i}; a single key keeps no
   * index), whose value is the same entry of a list value, or a single value as it is; without
   * a list key, a list value counts as its total.
   */
  private static void perTry(JsonArray pipeline, AggregateQuery q) {
    if (q.groupBy() != null) {
      pipeline.add(stage("$unwind", new JsonObject().put("path", "$k")
          .put("includeArrayIndex", "i").put("preserveNullAndEmptyArrays", true)));
    }
    if (q.valueField() == null || q.triesMeasured()) {
      return;
    }
    JsonObject whole = number("$v");
    pipeline.add(stage("$addFields", new JsonObject().put("v", q.groupBy() == null ? whole
        : cond(op("$and", new JsonArray().add(op("$isArray", "$v")).add(op("$not", new JsonArray()
                .add(isNull(op("$ifNull", new JsonArray().add("$i").addNull())))))),
            scalar(op("$arrayElemAt", new JsonArray().add("$v").add("$i"))), whole))));
  }

  /** How many tries a field lists: an array's entries, 1 for a single value, null when absent. */
  private static JsonObject tries(String field) {
    return cond(op("$isArray", field), op("$size", field),
        cond(isNull(op("$ifNull", new JsonArray().add(field).addNull())), null, 1));
  }

  /** The fields of a {@code $group} by {@code id}, counting into {@code n}. */
  private static JsonObject groupFields(JsonObject id, Object count) {
    return new JsonObject().put("_id", id).put("n", sum(count));
  }

  private static JsonObject stage(String name, Object spec) {
    return new JsonObject().put(name, spec);
  }

  private static JsonObject op(String name, Object argument) {
    return new JsonObject().put(name, argument);
  }

  private static JsonObject sum(Object argument) {
    return op("$sum", argument);
  }

  private static JsonObject isNull(Object value) {
    return op("$eq", new JsonArray().add(value).addNull());
  }

  /**
   * The most frequent keys of each bucket, cut on the server: groups sorted by bucket and count
   * (spilling to disk when large), then each bucket's first {@code perBucket}; with
   * {@code foldRest}, the bucket's other keys are summed into one more row ({@link #foldRest}).
   */
  private static void topKeys(JsonArray pipeline, AggregateQuery q) {
    int perBucket = q.keysPerBucket();
    pipeline.add(stage("$sort", new JsonObject().put("_id.b", 1).put("n", -1).put("_id.k", 1)))
        .add(stage("$group", new JsonObject().put("_id", "$_id.b").put("rows", op("$push", "$$ROOT"))));
    if (q.foldRest()) {
      foldRest(pipeline, q);
      return;
    }
    pipeline.add(stage("$project", new JsonObject()
            .put("rows", op("$slice", new JsonArray().add("$rows").add(perBucket)))))
        .add(stage("$unwind", "$rows"))
        .add(stage("$replaceRoot", new JsonObject().put("newRoot", "$rows")));
  }

  /**
   * Each bucket's rows (sorted, most frequent first): the first {@code keysPerBucket} as they
   * are, the others summed into one more row with a null key and {@code f}, how many keys it
   * folded. Its value counts are not gathered here: concatenated they could outgrow a document
   * (and {@code $reduce} with {@code $concatArrays} is quadratic), regrouped by value they would
   * take an {@code $unwind} of the bucket's rows, which mongo-java-server does by copying the
   * whole document per element, and {@code $setWindowFields} (a rank without gathering the
   * rows) is not in mongo-java-server. {@link #run} gets them as the bucket's value counts less
   * those of the rows kept, from a second pipeline without {@code groupBy}.
   */
  private static void foldRest(JsonArray pipeline, AggregateQuery q) {
    int perBucket = q.keysPerBucket();
    JsonObject restSize = op("$size", "$rest");
    pipeline.add(stage("$project", new JsonObject()
        .put("top", op("$slice", new JsonArray().add("$rows").add(perBucket)))
        // The last size - perBucket rows: the three-argument $slice overflows in mongo-java-server.
        .put("rest", cond(op("$gt", new JsonArray().add(op("$size", "$rows")).add(perBucket)),
            op("$slice", new JsonArray().add("$rows").add(subtract(perBucket, op("$size", "$rows")))),
            new JsonArray()))));
    JsonObject folded = new JsonObject()
        .put("_id", new JsonObject().put("b", "$_id").putNull("k"))
        .put("n", sum("$rest.n")).put("m", sum("$rest.m")).put("s", sum("$rest.s"))
        .put("lo", op("$min", "$rest.lo")).put("hi", op("$max", "$rest.hi"))
        .put("f", restSize);
    // [folded] when there is a rest, else []: made by $map, since mongo-java-server leaves the
    // expressions inside an array literal unevaluated.
    JsonObject foldedRow = op("$map", new JsonObject()
        .put("input", op("$range", new JsonArray().add(0)
            .add(cond(op("$gt", new JsonArray().add(restSize).add(0)), 1, 0))))
        .put("as", "x").put("in", folded));
    pipeline.add(stage("$project", new JsonObject().put("rows", op("$concatArrays", new JsonArray()
            .add("$top").add(foldedRow)))))
        .add(stage("$unwind", "$rows"))
        .add(stage("$replaceRoot", new JsonObject().put("newRoot", "$rows")));
  }

  /**
   * A field's numeric value as livelog reads it ({@link FieldValues#toDouble}): numbers and
   * numeric text as numbers, a date as epoch milliseconds, a list as the total of its items,
   * anything else (booleans included) null.
   */
  private static JsonObject number(String field) {
    return cond(new JsonObject().put("$isArray", field),
        new JsonObject().put("$sum", new JsonObject().put("$map", new JsonObject()
            .put("input", field).put("as", "item").put("in", scalar("$$item")))),
        scalar(field));
  }

  private static JsonObject scalar(Object value) {
    return cond(new JsonObject().put("$in", new JsonArray().add(value).add(new JsonArray().add(true).add(false))),
        null,
        new JsonObject().put("$convert", new JsonObject().put("input", value).put("to", "double")
            .putNull("onError").putNull("onNull")));
  }

  /** Three significant digits, as the embedded store rounds for percentiles (within 1%). */
  private static JsonObject threeDigits(String value) {
    JsonObject scale = new JsonObject().put("$pow", new JsonArray().add(10).add(subtract(2,
        new JsonObject().put("$floor", divide(new JsonObject().put("$ln", new JsonObject().put("$abs", value)),
            Math.log(10))))));
    JsonObject rounded = divide(new JsonObject().put("$floor", new JsonObject().put("$add", new JsonArray()
        .add(new JsonObject().put("$multiply", new JsonArray().add(value).add(scale))).add(0.5))), scale);
    JsonObject zeroOrNone = new JsonObject().put("$in", new JsonArray().add(value)
        .add(new JsonArray().addNull().add(0)));
    return cond(zeroOrNone, value, rounded);
  }

  private static JsonObject cond(Object test, Object then, Object otherwise) {
    return new JsonObject().put("$cond", new JsonArray().add(test).add(then).add(otherwise));
  }

  private static JsonObject subtract(Object a, Object b) {
    return new JsonObject().put("$subtract", new JsonArray().add(a).add(b));
  }

  private static JsonObject divide(Object a, Object b) {
    return new JsonObject().put("$divide", new JsonArray().add(a).add(b));
  }

  private static List<BucketStats> toStats(AggregateQuery q, List<JsonObject> groups) {
    List<BucketStats> out = new ArrayList<>(groups.size());
    for (JsonObject g : groups) {
      JsonObject id = g.getJsonObject("_id");
      long measured = number(g.getValue("m")).longValue();
      long folded = number(g.getValue("f")).longValue();
      out.add(new BucketStats(number(id.getValue("b")).longValue(),
          q.groupBy() == null || folded > 0 ? null
              : FieldValues.toText(MongoValues.fromBson(id.getValue("k"))),
          number(g.getValue("n")).longValue(), measured,
          measured == 0 ? 0 : number(g.getValue("s")).doubleValue(),
          measured == 0 ? Double.NaN : number(g.getValue("lo")).doubleValue(),
          measured == 0 ? Double.NaN : number(g.getValue("hi")).doubleValue(),
          q.valueCounts() ? valueCounts(g.getJsonArray("vc", new JsonArray())) : null, folded));
    }
    return out;
  }

  private static Map<Double, Long> valueCounts(JsonArray counts) {
    Map<Double, Long> out = new HashMap<>();
    for (Object o : counts) {
      JsonObject c = (JsonObject) o;
      if (c.getValue("r") != null) {
        out.merge(threeDigits(number(c.getValue("r")).doubleValue()), number(c.getValue("c")).longValue(), Long::sum);
      }
    }
    return out;
  }

  private static Number number(Object value) {
    return value instanceof Number n ? n : 0;
  }

  /** Three significant digits, as the embedded store rounds: percentiles within 1%. */
  static double threeDigits(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v;
    }
    int scale = 2 - (int) Math.floor(Math.log10(Math.abs(v)));
    return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP).doubleValue();
  }
}
