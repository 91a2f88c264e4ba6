package io.github.packer2aib.core.testing;

import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Runs a piece of a test under another default locale, and restores the one before. The default
 * locale is the JVM's, so this is only for tests that run one at a time (Surefire runs them so).
 */
public final class DefaultLocale {
  private DefaultLocale() {}

  /**
   * A locale whose numbers differ from English in every way a format can show: Arabic-Indic digits
   * and its own grouping separator (ar-EG formats 25000 as "٢٥٬٠٠٠").
   */
  public static final Locale ARABIC_DIGITS = Locale.forLanguageTag("ar-EG");

  /** Groups thousands with '.' (25.000). */
  public static final Locale GERMAN = Locale.GERMANY;

  public static <T> T with(Locale locale, Callable<T> work) throws Exception {
    Locale before = Locale.getDefault();
    Locale.setDefault(locale);
    try {
      return work.call();
    } finally {
      Locale.setDefault(before);
    }
  }
}
