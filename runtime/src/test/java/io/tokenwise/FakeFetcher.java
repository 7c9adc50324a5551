package io.tokenwise;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A token endpoint in memory: issues {@code token-1}, {@code token-2}, ... of a set lifetime,
 * or fails as scripted; records when each request was sent; can hold requests until released,
 * or leave them unanswered for good (until the cache cancels them).
 */
final class FakeFetcher implements TokenFetcher {
  private final Clock clock;
  private final Duration lifetime;
  private final Deque<TokenException> failures = new ArrayDeque<>();
  private TokenException failAlways;
  private int unanswered;
  private final AtomicInteger issued = new AtomicInteger();
  final List<Instant> requestTimes = new ArrayList<>();
  /** Every request's answer, in order: cancelled ones were abandoned by the cache. */
  final List<CompletableFuture<AccessToken>> answers = new ArrayList<>();
  private List<Runnable> held;
  final Semaphore entered = new Semaphore(0);

  FakeFetcher(Clock clock, Duration lifetime) {
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /** The next requests fail with these, in order. */
  synchronized FakeFetcher failNext(TokenException... errors) {
    failures.addAll(List.of(errors));
    return this;
  }

  /** Every request fails with {@code error} until {@link #recover()}. */
  synchronized FakeFetcher failAlways(TokenException error) {
    failAlways = error;
    return this;
  }

  synchronized void recover() {
    failAlways = null;
  }

  /** The next {@code count} requests never answer, like an endpoint that trickles forever. */
  synchronized FakeFetcher neverAnswerNext(int count) {
    unanswered += count;
    return this;
  }

  /** Requests are not answered until {@link #release()}. */
  synchronized void hold() {
    held = new ArrayList<>();
  }

  /** Answers the held requests, on this thread. */
  void release() {
    List<Runnable> answers;
    synchronized (this) {
      answers = held;
      held = null;
    }
    if (answers != null) {
      answers.forEach(Runnable::run);
    }
  }

  synchronized int requests() {
    return requestTimes.size();
  }

  /** Requests the cache cancelled at their deadline. */
  synchronized long cancelled() {
    return answers.stream().filter(CompletableFuture::isCancelled).count();
  }

  @Override
  public CompletableFuture<AccessToken> fetch() {
    Instant sentAt = clock.instant();
    CompletableFuture<AccessToken> answer = new CompletableFuture<>();
    Runnable respond;
    synchronized (this) {
      requestTimes.add(sentAt);
      answers.add(answer);
      if (unanswered > 0) {
        unanswered--;
        respond = null;
      } else {
        TokenException failure = failures.isEmpty() ? failAlways : failures.poll();
        respond = () -> {
          if (failure != null) {
            answer.completeExceptionally(failure);
          } else {
            answer.complete(AccessToken.create("token-" + issued.incrementAndGet(), sentAt,
                sentAt.plus(lifetime), Set.of()));
          }
        };
        if (held != null) {
          held.add(respond);
          respond = null;
        }
      }
    }
    entered.release();
    if (respond != null) {
      respond.run();
    }
    return answer;
  }

  /** A key for tests: the same for the same client id. */
  static TokenKey key(String clientId) {
    return new TokenExchange(Provider.PAXOS, AuthStyle.CLIENT_SECRET_POST,
        okhttp3.HttpUrl.get("https://127.0.0.1/token"), ClientCredentials.of(clientId, "s3cret"),
        List.of(), null, null).key();
  }

  static TokenEndpointUnavailableException unavailable(int status, Duration retryAfter) {
    return new TokenEndpointUnavailableException(Provider.PAXOS,
        "PAXOS token endpoint is unavailable (HTTP " + status + ")", status, retryAfter, null);
  }

  static TokenRejectedException rejected() {
    return new TokenRejectedException(Provider.PAXOS, "PAXOS token endpoint rejected the request"
        + " (HTTP 401, invalid_client)", 401, "invalid_client", "bad client");
  }
}
