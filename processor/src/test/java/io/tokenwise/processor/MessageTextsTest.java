package io.tokenwise.processor;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tokenwise.Provider;
import io.tokenwise.internal.ProviderCatalog;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * No diagnostic text names a provider itself: each takes the name from the provider's definition
 * (docs/DESIGN.md, "Adding a provider"), so a fifth provider with an operation table gets its
 * own name in every message without touching {@link Message}. The texts for today's providers are
 * asserted exactly in {@code DiagnosticsTest}.
 */
final class MessageTextsTest {
  @Test
  void noMessageTextNamesAProvider() {
    Object[] blanks = new Object[16];
    Arrays.fill(blanks, "_");
    for (Message message : Message.values()) {
      // The text without its tag: ids are documented and keep their names (UnknownPaxosPath).
      String text = message.format(blanks).substring(message.tag().length())
          .toLowerCase(Locale.ROOT);
      for (Provider provider : Provider.values()) {
        String name = ProviderCatalog.spec(provider).displayName().toLowerCase(Locale.ROOT);
        assertFalse(text.contains(name), () -> message + " names " + name + ": " + text);
        assertFalse(text.contains(provider.name().toLowerCase(Locale.ROOT)),
            () -> message + " names " + provider + ": " + text);
      }
    }
  }
}
