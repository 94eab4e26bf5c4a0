package dev.livelog.source.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The remote tail's framed output: banners skipped, frames exact, records cut anywhere. */
class TailDecoderTest {

  private static ByteBuffer bytes(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void skipsABannerThenReadsRecordsAndExactFrames() throws Exception {
    TailDecoder d = new TailDecoder();
    ByteBuffer in = bytes("Welcome to web1!\n\nLIVELOG-TAIL 1\nF 2049-77 10 resume 30\n"
        + "D 6 30\nab\ncd\nK 30\nR 2049-78 5\nT 0\nX permission denied: /var/log/x\n");
    assertThat(d.next(in)).isEqualTo(new TailDecoder.Followed("2049-77", 10, TailDecoder.Why.RESUME, 30));
    assertThat(d.next(in)).isEqualTo(new TailDecoder.Frame(6, 30));
    assertThat(d.inFrame()).isTrue();
    ByteBuffer out = ByteBuffer.allocate(4);
    assertThat(d.copyFrame(in, out)).isEqualTo(4);
    ByteBuffer rest = ByteBuffer.allocate(16);
    assertThat(d.copyFrame(in, rest)).isEqualTo(2);
    assertThat(new String(out.array(), 0, 4) + new String(rest.array(), 0, 2)).isEqualTo("ab\ncd\n");
    assertThat(d.inFrame()).isFalse();
    assertThat(d.next(in)).isEqualTo(new TailDecoder.Heartbeat(30));
    assertThat(d.next(in)).isEqualTo(new TailDecoder.Rotated("2049-78", 5));
    assertThat(d.next(in)).isEqualTo(new TailDecoder.Truncated(0));
    assertThat(d.next(in)).isEqualTo(new TailDecoder.Failed("permission denied: /var/log/x"));
    assertThat(d.next(in)).isNull();
  }

  @Test
  void aRecordCutInTwoWaitsForItsEnd() throws Exception {
    TailDecoder d = new TailDecoder();
    ByteBuffer in = ByteBuffer.allocate(64);
    in.put("LIVELOG-TAIL 1\nD 1".getBytes(StandardCharsets.US_ASCII)).flip();
    assertThat(d.next(in)).isNull();
    in.compact().put("0 99\n".getBytes(StandardCharsets.US_ASCII)).flip();
    assertThat(d.next(in)).isEqualTo(new TailDecoder.Frame(10, 99));
  }

  @Test
  void outputThatIsNotTheProgramsIsAnError() {
    TailDecoder greeted = new TailDecoder();
    assertThatThrownBy(() -> greeted.next(bytes("LIVELOG-TAIL 1\nsh: 1: stat: not found\n")))
        .isInstanceOf(IOException.class).hasMessageContaining("sh: 1: stat: not found");
    TailDecoder never = new TailDecoder();
    ByteBuffer noise = bytes(("noise line\n").repeat(7000));
    assertThatThrownBy(() -> {
      while (never.next(noise) == null && noise.hasRemaining()) {
        // keep reading
      }
    }).hasMessageContaining("did not start the tail program");
  }
}
