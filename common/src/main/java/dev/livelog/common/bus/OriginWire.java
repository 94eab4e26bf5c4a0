package dev.livelog.common.bus;

/** The wire form of a {@link SourceOrigin}, shared by both batch codecs. */
final class OriginWire {
  private OriginWire() {}

  static void write(WireWriter out, SourceOrigin origin) {
    out.writeString(origin.sourceId())
        .writeString(origin.host())
        .writeString(origin.path())
        .writeString(origin.fileId())
        .writeString(origin.format())
        .writeVarInt(origin.fields().size());
    origin.fields().forEach((name, value) -> out.writeString(name).writeString(value));
  }

  static SourceOrigin read(WireReader in) {
    SourceOrigin origin = new SourceOrigin(in.readString(), in.readString(), in.readString(),
        in.readString(), in.readString());
    int n = in.readVarInt();
    if (n == 0) {
      return origin;
    }
    java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      fields.put(in.readString(), in.readString());
    }
    return new SourceOrigin(origin.sourceId(), origin.host(), origin.path(), origin.fileId(),
        origin.format(), fields);
  }
}
