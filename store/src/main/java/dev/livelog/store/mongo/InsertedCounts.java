package dev.livelog.store.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How many documents of each batch an unordered bulk insert stored. A duplicate key (11000)
 * means the event was stored before, which is the point of idempotent ids; any other write
 * error means the append failed.
 */
final class InsertedCounts {
  static final int DUPLICATE_KEY = 11000;

  private InsertedCounts() {}

  /** Every document of every batch went in. */
  static List<Integer> all(int[] batchSizes) {
    List<Integer> counts = new ArrayList<>(batchSizes.length);
    for (int size : batchSizes) {
      counts.add(size);
    }
    return counts;
  }

  /**
   * The counts after a bulk write failed with {@code failure} when it failed only on duplicate
   * keys, else empty: the append failed.
   */
  static Optional<List<Integer>> afterFailure(int[] batchSizes, Throwable failure) {
    if (!(failure instanceof MongoBulkWriteException bulk) || bulk.getWriteConcernError() != null) {
      return Optional.empty();
    }
    int[] stored = batchSizes.clone();
    for (BulkWriteError error : bulk.getWriteErrors()) {
      if (error.getCode() != DUPLICATE_KEY) {
        return Optional.empty();
      }
      stored[batchOf(error.getIndex(), batchSizes)]--;
    }
    return Optional.of(all(stored));
  }

  private static int batchOf(int index, int[] batchSizes) {
    int end = 0;
    for (int b = 0; b < batchSizes.length; b++) {
      end += batchSizes[b];
      if (index < end) {
        return b;
      }
    }
    throw new IllegalArgumentException("write error index " + index + " beyond the batches");
  }
}
