package dev.livelog.source.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Security;
import java.util.List;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.transport.cipher.Cipher;
import org.junit.jupiter.api.Test;

/** The choices that decide how fast a session decrypts (bench/ssh-throughput.sh). */
class SshShellCryptoTest {

  @Test
  void aesGcmIsProposedFirstAndNoCipherIsDropped() {
    List<Factory.Named<Cipher>> offered = new DefaultConfig().getCipherFactories();

    List<String> ordered = SshShell.preferAesGcm(offered).stream().map(Factory.Named::getName).toList();

    assertThat(ordered.subList(0, 2))
        .containsExactly("aes128-gcm@openssh.com", "aes256-gcm@openssh.com");
    assertThat(ordered).containsExactlyInAnyOrderElementsOf(
        offered.stream().map(Factory.Named::getName).toList());
    assertThat(ordered.get(2)).isEqualTo(offered.get(0).getName());
  }

  @Test
  void theJdkComputesAesWhileBouncyCastleStaysAvailable() throws Exception {
    SshShell.preferAesGcm(List.of()); // loads the class, which settles the providers

    assertThat(SecurityUtils.getSecurityProvider()).isNull();
    assertThat(SecurityUtils.isBouncyCastleRegistered()).isTrue();
    assertThat(SecurityUtils.getCipher("AES/GCM/NoPadding").getProvider().getName())
        .isEqualTo("SunJCE");
    assertThat(Security.getProvider("BC")).isNotNull();
  }
}
