package dev.livelog.store.duckdb;

import dev.livelog.store.query.AggregateQuery;
import dev.livelog.store.query.BucketStats;
import dev.livelog.common.where.Filter;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link AggregateQuery} as one SQL statement over the typed columns: DuckDB scans only the
 * columns the query names, skips row groups outside the time range, and returns one row per
 * bucket and key.
 */
final class DuckDbAggregates {
  private final Statements statements;
  private final FieldSql fields;
  private final FilterSql filters;

  DuckDbAggregates(Statements statements, EventColumns columns) {
    this.statements = statements;
    this.fields = new FieldSql(columns);
    this.filters = new FilterSql(fields);
  }

  List<BucketStats> run(AggregateQuery q) throws SQLException {
    String sql = q.foldRest() ? folded(q) : "SELECT bucket, k, " + statistics(q) + " FROM ("
        + events(q) + ") GROUP BY bucket, k" + (q.keysPerBucket() > 0
            ? " QUALIFY row_number() OVER (PARTITION BY bucket ORDER BY count(*) DESC, k) <= "
                + q.keysPerBucket() : "")
        + " ORDER BY bucket, k";
    int foldedColumn = q.valueCounts() ? 9 : 8;
    try (PreparedStatement s = statements.prepare(sql); ResultSet rows = s.executeQuery()) {
      List<BucketStats> out = new ArrayList<>();
      while (rows.next()) {
        long measured = rows.getLong(4);
        out.add(new BucketStats(rows.getLong(1), rows.getString(2), rows.getLong(3), measured,
            measured == 0 ? 0 : rows.getDouble(5), measured == 0 ? Double.NaN : rows.getDouble(6),
            measured == 0 ? Double.NaN : rows.getDouble(7),
            q.valueCounts() ? valueCounts(rows.getObject(8)) : null,
            q.foldRest() ? rows.getLong(foldedColumn) : 0));
      }
      return out;
    }
  }

  /**
   * Each matching event's bucket, key and numeric value; an event whose key is a list (one
   * entry per upstream try) gives a row per entry, with that entry of a list-valued measured
   * field or, for a single value, the event's value (see {@link AggregateQuery}).
   */
  private String events(AggregateQuery q) {
    String key = q.groupBy() == null ? "CAST(NULL AS VARCHAR)" : fields.text(q.groupBy());
    if (q.groupBy() == null || !fields.mayList(q.groupBy())) {
      return "SELECT " + bucket(q) + " AS bucket, " + key + " AS k, " + value(q) + " AS v"
          + matching(q);
    }
    String perTry = q.valueField() == null || q.triesMeasured() ? "CAST(NULL AS DOUBLE[])"
        : fields.tryNumbers(q.valueField());
    return "SELECT bucket, COALESCE(k, '') AS k,"
        + " CASE WHEN kl IS NULL OR vl IS NULL THEN vs ELSE vl[i] END AS v"
        + " FROM (SELECT bucket, kl, vl, vs, unnest(ks) AS k, unnest(range(1, len(ks) + 1)) AS i"
        + " FROM (SELECT bucket, kl, COALESCE(kl, [kt]) AS ks, vl, vs"
        + " FROM (SELECT " + bucket(q) + " AS bucket, " + fields.tryTexts(q.groupBy()) + " AS kl, "
        + key + " AS kt, " + perTry + " AS vl, " + value(q) + " AS vs" + matching(q) + ")))";
  }

  private static String bucket(AggregateQuery q) {
    return "(epoch_ms(time) - " + q.from() + ") // " + q.step();
  }

  /** The event's measured value, or how many tries its field lists. */
  private String value(AggregateQuery q) {
    return q.valueField() == null ? "CAST(NULL AS DOUBLE)"
        : q.triesMeasured() ? fields.tries(q.valueField()) : fields.number(q.valueField());
  }

  /** The events in the time range that pass every filter. */
  private String matching(AggregateQuery q) {
    StringBuilder sql = new StringBuilder()
        .append(" FROM events WHERE time >= CAST(epoch_ms(").append(Sql.timeBound(q.from()))
        .append("::BIGINT) AS TIMESTAMP_MS)")
        .append(" AND time < CAST(epoch_ms(").append(Sql.timeBound(q.to())).append("::BIGINT) AS TIMESTAMP_MS)");
    for (Filter f : q.filters()) {
      sql.append(" AND ").append(filters.of(f));
    }
    return sql.toString();
  }

  /** Count, values measured, sum, minimum, maximum and, when asked, the value counts of v. */
  private static String statistics(AggregateQuery q) {
    return "count(*) AS n, count(v) AS m, sum(v), min(v), max(v)"
        // Values rounded to three significant digits: percentiles within 1%, few map entries.
        + (q.valueCounts() ? ", histogram(CASE WHEN v = 0 THEN 0 ELSE round(v, 2 - CAST(floor(log10(abs(v))) AS INTEGER)) END)" : "");
  }

  /**
   * The {@code keysPerBucket} most frequent keys of each bucket, and the other keys as one row
   * per bucket (a null key) saying how many keys it folded: ranked first, then aggregated.
   */
  private String folded(AggregateQuery q) {
    int n = q.keysPerBucket();
    return "WITH e AS (" + events(q) + "), ranked AS (SELECT bucket, k, row_number() OVER"
        + " (PARTITION BY bucket ORDER BY count(*) DESC, k) AS r FROM e GROUP BY bucket, k)"
        + " SELECT bucket, CASE WHEN r <= " + n + " THEN k END AS gk, " + statistics(q)
        + ", count(DISTINCT k) FILTER (WHERE r > " + n + ") FROM e JOIN ranked USING (bucket, k)"
        + " GROUP BY bucket, gk ORDER BY bucket, gk NULLS LAST";
  }

  private static Map<Double, Long> valueCounts(Object histogram) {
    Map<Double, Long> out = new HashMap<>();
    if (histogram instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        if (k != null) {
          out.put(((Number) k).doubleValue(), ((Number) v).longValue());
        }
      });
    }
    return out;
  }
}
