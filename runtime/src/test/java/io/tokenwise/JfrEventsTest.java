package io.tokenwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token events as JDK Flight Recorder writes them to a recording file. */
final class JfrEventsTest {
  @Test
  void aRecordingHoldsEveryTokenEventWithItsFieldsAndNoSecret(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tokens.jfr");
    try (VirtualTime time = new VirtualTime(); Recording recording = new Recording()) {
      for (String name : List.of("FetchStarted", "FetchSucceeded", "FetchFailed", "Invalidated",
          "RejectionRemembered")) {
        recording.enable("io.tokenwise." + name);
      }
      TokenCache cache = TokenCache.builder().clock(time).scheduler(time).random(new Random(7))
          .minRequestInterval(Duration.ZERO).build(); // no listener: JFR alone
      TokenKey key = new TokenExchange(Provider.MANGOPAY, AuthStyle.CLIENT_SECRET_BASIC,
          HttpUrl.get("https://127.0.0.1/token"), ClientCredentials.of("id-4711", "key-0815"),
          List.of(), null, null).key();
      FakeFetcher fetcher = new FakeFetcher(time, Duration.ofMinutes(20))
          .failNext(FakeFetcher.rejected());
      TokenEntry entry = cache.entry(key, Provider.MANGOPAY, Env.PRODUCTION, fetcher);

      recording.start();
      assertThrows(TokenRejectedException.class, entry::token);
      time.advance(Duration.ofSeconds(10));
      AccessToken token = entry.token();
      entry.invalidate(token);
      recording.stop();
      recording.dump(file);

      List<RecordedEvent> events = new ArrayList<>(RecordingFile.readAllEvents(file));
      // A file holds each thread's events together: JFR's own time orders them.
      events.sort(Comparator.comparing(RecordedEvent::getStartTime));
      assertEquals(List.of("io.tokenwise.FetchStarted", "io.tokenwise.FetchFailed",
              "io.tokenwise.RejectionRemembered", "io.tokenwise.FetchStarted",
              "io.tokenwise.FetchSucceeded", "io.tokenwise.Invalidated"),
          events.stream().map(e -> e.getEventType().getName()).collect(Collectors.toList()));
      for (RecordedEvent event : events) {
        assertEquals("MANGOPAY", event.getString("provider"));
        assertEquals("PRODUCTION", event.getString("env"));
        assertEquals(key.fingerprint(), event.getString("keyFingerprint"));
        assertEquals(List.of("Tokenwise"), event.getEventType().getCategoryNames());
        for (String secret : List.of("id-4711", "key-0815", "token-1")) {
          assertFalse(event.toString().contains(secret), event::toString);
        }
      }
      RecordedEvent failed = events.get(1);
      assertEquals(401, failed.getInt("status"));
      assertEquals("TokenRejectedException", failed.getString("errorType"));
      assertFalse(failed.getBoolean("retrying"));
      assertEquals(Duration.ofSeconds(10), events.get(2).getDuration("memory"));
      RecordedEvent succeeded = events.get(4);
      assertEquals(1, succeeded.getInt("attempt"), "a new flight counts from 1");
      assertEquals(token.expiresAt(), succeeded.getInstant("expiresAt"));
      assertEquals(Instant.parse("2026-01-01T00:00:10Z"), succeeded.getInstant("at"));
      assertEquals(true, events.get(5).getBoolean("current"));
    }
    assertFalse(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)
        .contains("key-0815"), "the secret is nowhere in the recording file");
  }
}
