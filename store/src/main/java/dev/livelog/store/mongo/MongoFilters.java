package dev.livelog.store.mongo;

import dev.livelog.common.event.FieldRef;
import dev.livelog.common.event.FieldValues;
import dev.livelog.common.where.Condition;
import dev.livelog.common.where.FieldCondition;
import dev.livelog.common.where.Filter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;

/**
 * A {@link Filter} as a MongoDB query on {@code fields.<name>}, close to live filtering: a
 * number matches equal numbers and its text; text that spells a number matches that number
 * too; an absent field matches what the empty text matches. (A regex only sees text values
 * in MongoDB, not numbers.) {@code source} without a field of that name is the event's
 * source id, as in live filters.
 */
final class MongoFilters {
  private MongoFilters() {}

  static JsonObject of(Filter filter) {
    if (filter.isEmpty()) {
      return new JsonObject();
    }
    JsonArray parts = new JsonArray();
    for (FieldCondition c : filter.conditions()) {
      parts.add(FieldRef.SOURCE.equals(c.field()) ? sourceCondition(c.condition())
          : condition(path(c.field()), c.condition()));
    }
    return new JsonObject().put(filter.any() ? "$or" : "$and", parts);
  }

  /**
   * {@code source}: the event's field of that name, or where it has none the event's source
   * id, as live filters read it ({@link FieldRef#SOURCE}).
   */
  private static JsonObject sourceCondition(Condition c) {
    String own = path(FieldRef.SOURCE);
    return new JsonObject().put("$or", new JsonArray()
        .add(new JsonObject().put("$and", new JsonArray()
            .add(new JsonObject().put(own, new JsonObject().put("$ne", (Object) null)))
            .add(condition(own, c))))
        .add(new JsonObject().put("$and", new JsonArray()
            .add(new JsonObject().put(own, (Object) null))
            .add(condition(FieldRef.SOURCE, c)))));
  }

  static String path(String field) {
    return "fields." + MongoKeys.escape(field);
  }

  /**
   * An aggregation expression for a field's value; {@code source} without a field of that name
   * is the id of the source the line came from, as on live events.
   */
  static Object value(String field) {
    String value = "$" + path(field);
    return FieldRef.SOURCE.equals(field)
        ? new JsonObject().put("$ifNull", new JsonArray().add(value).add("$source")) : value;
  }

  private static JsonObject condition(String path, Condition c) {
    if (c instanceof Condition.Equals || c instanceof Condition.In || c instanceof Condition.Range) {
      return new JsonObject().put(path, operators(c));
    }
    if (c instanceof Condition.Regex r) {
      JsonObject regex = new JsonObject().put(path, operators(r));
      if (!Pattern.compile(r.pattern()).matcher("").find()) {
        return regex;
      }
      return new JsonObject().put("$or", new JsonArray().add(regex)
          .add(new JsonObject().put(path, (Object) null)));
    }
    if (c instanceof Condition.Present p) {
      return new JsonObject().put(path, p.present() ? new JsonObject().put("$ne", (Object) null) : null);
    }
    if (c instanceof Condition.Not n) {
      return new JsonObject().put("$nor", new JsonArray().add(condition(path, n.condition())));
    }
    if (c instanceof Condition.AnyTry any) {
      return anyTry(path, any.condition());
    }
    if (c instanceof Condition.AtLeastTries at) {
      return atLeastTries(path, at.tries());
    }
    JsonArray all = new JsonArray();
    ((Condition.All) c).conditions().forEach(x -> all.add(condition(path, x)));
    return new JsonObject().put("$and", all);
  }

  /**
   * An array's entries one by one ({@code $elemMatch}: one entry meets every part of the
   * condition, where a plain query on an array lets each part match a different entry), any
   * other value as it is.
   */
  private static JsonObject anyTry(String path, Condition each) {
    return new JsonObject().put("$or", new JsonArray()
        .add(new JsonObject().put(path, new JsonObject().put("$elemMatch", operators(each))))
        .add(new JsonObject().put("$and", new JsonArray()
            .add(new JsonObject().put(path, new JsonObject().put("$not", new JsonObject().put("$type", "array"))))
            .add(condition(path, each)))));
  }

  /** Arrays of at least {@code tries} entries; a single value is one try, an absent field none. */
  private static JsonObject atLeastTries(String path, int tries) {
    if (tries <= 0) {
      return new JsonObject();
    }
    if (tries == 1) {
      return new JsonObject().put(path, new JsonObject().put("$ne", (Object) null));
    }
    return new JsonObject().put(path + "." + (tries - 1), new JsonObject().put("$exists", true));
  }

  /** A condition on one value as query operators (for {@code $elemMatch} over an array's entries). */
  private static JsonObject operators(Condition c) {
    if (c instanceof Condition.Equals e) {
      return new JsonObject().put("$in", forms(e.value()));
    }
    if (c instanceof Condition.In in) {
      JsonArray all = new JsonArray();
      in.values().forEach(v -> forms(v).forEach(all::add));
      return new JsonObject().put("$in", all);
    }
    if (c instanceof Condition.Regex r) {
      return new JsonObject().put("$regex", r.pattern());
    }
    if (c instanceof Condition.Range r) {
      JsonObject range = new JsonObject();
      if (r.min() != null) {
        range.put("$gte", r.min());
      }
      if (r.max() != null) {
        range.put("$lte", r.max());
      }
      return range;
    }
    if (c instanceof Condition.Present p) {
      return new JsonObject().put(p.present() ? "$ne" : "$eq", (Object) null);
    }
    if (c instanceof Condition.Not n) {
      return new JsonObject().put("$not", operators(n.condition()));
    }
    if (c instanceof Condition.All every) {
      JsonObject all = new JsonObject();
      for (Condition part : every.conditions()) {
        operators(part).forEach(op -> {
          if (all.containsKey(op.getKey())) {
            throw new IllegalArgumentException("two '" + op.getKey() + "' in one condition on a try: " + c);
          }
          all.put(op.getKey(), op.getValue());
        });
      }
      return all;
    }
    throw new IllegalArgumentException("a condition on the whole value, not on one try: " + c);
  }

  /** The stored forms that equal a value: its text, the number it is or spells, null for "". */
  private static JsonArray forms(Object expected) {
    String text = FieldValues.toText(expected);
    JsonArray forms = new JsonArray().add(text);
    double number = FieldValues.toDouble(expected);
    if (!Double.isNaN(number)) {
      forms.add(number == Math.rint(number) && Math.abs(number) < 1e15 ? (Object) (long) number : number);
    }
    if (text.isEmpty()) {
      forms.add((Object) null);
    }
    return forms;
  }
}
