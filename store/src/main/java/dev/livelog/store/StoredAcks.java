package dev.livelog.store;

import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.bus.SourceOrigin;
import dev.livelog.common.bus.StoredAck;
import java.util.ArrayList;
import java.util.List;

/** The acknowledgements of stored batches: one per batch, covering its whole byte range. */
final class StoredAcks {
  private StoredAcks() {}

  /** {@code newlyStored} holds each batch's count of events not stored before, in order. */
  static List<StoredAck> of(List<EventBatch> batches, List<Integer> newlyStored) {
    if (batches.size() != newlyStored.size()) {
      throw new IllegalArgumentException(
          batches.size() + " batches but " + newlyStored.size() + " stored counts");
    }
    List<StoredAck> acks = new ArrayList<>(batches.size());
    for (int i = 0; i < batches.size(); i++) {
      EventBatch batch = batches.get(i);
      SourceOrigin origin = batch.origin();
      acks.add(new StoredAck(origin.sourceId(), origin.fileId(), batch.startOffset(),
          batch.endOffset(), batch.events().size(), newlyStored.get(i)));
    }
    return acks;
  }
}
