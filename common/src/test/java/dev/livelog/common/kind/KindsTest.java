package dev.livelog.common.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class KindsTest {
  /** A sort of kind that only this test registers (META-INF/services in the test resources). */
  public interface Greeting extends Kind {}

  public static final class Hello implements Greeting {
    @Override
    public String name() {
      return "hello";
    }
  }

  public static final class Bonjour implements Greeting {
    @Override
    public String name() {
      return "bonjour";
    }
  }

  @Test
  void findsRegisteredKindsByNameInRegistrationOrder() {
    Kinds<Greeting> kinds = Kinds.load(Greeting.class, "greeting");
    assertThat(kinds.names()).containsExactly("hello", "bonjour");
    assertThat(kinds.named("greeting", "bonjour")).isInstanceOf(Bonjour.class);
    assertThat(kinds.find("salut")).isEmpty();
  }

  @Test
  void anUnknownNameIsAConfigErrorListingTheRegisteredOnes() {
    Kinds<Greeting> kinds = Kinds.load(Greeting.class, "greeting");
    assertThatThrownBy(() -> kinds.named("sources[0].kind", "salut"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("sources[0].kind: unknown greeting 'salut'; use one of: hello, bonjour");
  }
}
