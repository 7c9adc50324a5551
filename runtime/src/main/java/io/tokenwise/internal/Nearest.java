package io.tokenwise.internal;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;

/**
 * "Did you mean": the candidate closest to a misspelt word, by Levenshtein distance. One rule for
 * the processor's diagnostics and the Spring Boot starter's start-up errors.
 */
public final class Nearest {
  /**
   * The candidate nearest to {@code word}, if it is close enough to be a plausible typo: at most
   * a third of the word's length apart (and always allowing two edits).
   */
  public static Optional<String> typoOf(String word, Collection<String> candidates) {
    return closest(word, candidates, Function.identity(), Math.max(2, word.length() / 3));
  }

  /** The candidate whose {@code key} is nearest to {@code word}, within {@code maxDistance}. */
  public static <T> Optional<T> closest(String word, Collection<T> candidates, Function<T, String> key,
      int maxDistance) {
    T best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (T candidate : candidates) {
      int distance = distance(word, key.apply(candidate));
      // Strictly less: ties keep the first candidate, so suggestions are stable.
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= maxDistance ? Optional.ofNullable(best) : Optional.empty();
  }

  /** Levenshtein distance: insertions, deletions and substitutions each cost one. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private Nearest() {}
}
