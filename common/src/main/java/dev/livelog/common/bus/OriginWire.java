package dev.livelog.common.bus;

/** The wire form of a {@link SourceOrigin}, shared by both batch codecs. */
final class OriginWire {
  private OriginWire() {}

  static void write(WireWriter out, SourceOrigin origin) {
    out.writeString(origin.sourceId())
        .writeString(origin.host())
        .writeString(origin.path())
        .writeString(origin.fileId())
        .writeString(origin.format());
  }

  static SourceOrigin read(WireReader in) {
    return new SourceOrigin(in.readString(), in.readString(), in.readString(), in.readString(),
        in.readString());
  }
}
