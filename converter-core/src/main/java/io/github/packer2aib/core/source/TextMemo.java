package io.github.packer2aib.core.source;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The results of a pure function of a text, kept for the first {@code capacity} texts met in this
 * JVM; later texts are computed every time. The templates of a bulk run repeat a few texts (execute
 * commands, durations, base URIs, setting names) in every step, and parsing them again was a
 * visible part of mapping in the C1 code bulk runs use. Bounded, so a long-lived process that
 * converts many different templates keeps no more than this; the texts stay in memory only, they
 * are never written anywhere.
 */
public final class TextMemo<V> {
  private final ConcurrentHashMap<String, V> known = new ConcurrentHashMap<>();
  private final int capacity;
  private final Function<String, V> compute;

  /** {@code compute} must be a pure function whose results nobody changes. */
  public TextMemo(int capacity, Function<String, V> compute) {
    this.capacity = capacity;
    this.compute = compute;
  }

  public V get(String text) {
    V value = known.get(text);
    if (value != null) {
      return value;
    }
    value = compute.apply(text);
    if (known.size() < capacity) {
      known.putIfAbsent(text, value);
    }
    return value;
  }
}
