package io.github.packer2aib.core.hcl.function;

import io.github.packer2aib.core.hcl.value.Strings;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalField;
import java.util.Locale;
import java.util.Map;

/** Go's time parsing, layouts and durations, as the date functions need them. */
final class GoTime {
  private GoTime() {}

  /** A parse failure with cty's wording (without the function-level prefix). */
  static final class TimeError extends Exception {
    private static final long serialVersionUID = 1L;

    TimeError(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * A time and its UTC offset, as Go's {@code time.Time} holds them. Not java.time's
   * OffsetDateTime: its ZoneOffset stops at ±18:00, where Go (and so Packer) takes any offset under
   * 24 hours ({@code 2024-11-09T00:07:09+19:00}). The getters are those of OffsetDateTime, for the
   * local date and time.
   */
  record Stamp(LocalDateTime local, int offsetSeconds) {
    static Stamp utc(Instant instant) {
      return new Stamp(LocalDateTime.ofInstant(instant, ZoneOffset.UTC), 0);
    }

    static Stamp of(OffsetDateTime t) {
      return new Stamp(t.toLocalDateTime(), t.getOffset().getTotalSeconds());
    }

    int getYear() {
      return local.getYear();
    }

    Month getMonth() {
      return local.getMonth();
    }

    int getMonthValue() {
      return local.getMonthValue();
    }

    int getDayOfMonth() {
      return local.getDayOfMonth();
    }

    int getDayOfYear() {
      return local.getDayOfYear();
    }

    DayOfWeek getDayOfWeek() {
      return local.getDayOfWeek();
    }

    int getHour() {
      return local.getHour();
    }

    int getMinute() {
      return local.getMinute();
    }

    int getSecond() {
      return local.getSecond();
    }

    int getNano() {
      return local.getNano();
    }

    int get(TemporalField field) {
      return local.get(field);
    }

    long toEpochSecond() {
      return local.toEpochSecond(ZoneOffset.UTC) - offsetSeconds;
    }

    /** The same offset, {@code nanos} later (Go's {@code Add}). */
    Stamp plusNanos(long nanos) {
      return new Stamp(local.plusNanos(nanos), offsetSeconds);
    }
  }

  /**
   * Go's {@code time.Parse(time.RFC3339, s)}, with cty's messages. {@code spaceAllowed} also
   * accepts a space instead of {@code T} (Packer's {@code rfc3339_parse}).
   */
  static Stamp parseRfc3339(String s, boolean spaceAllowed) throws TimeError {
    Cursor c = new Cursor(s);
    int year = c.digits(4, 4, "year");
    c.literal("-");
    int month = c.digits(2, 2, "month");
    c.range(month >= 1 && month <= 12, "month");
    c.literal("-");
    int day = c.digits(2, 2, "day of month");
    if (c.rest().startsWith("T") || spaceAllowed && c.rest().startsWith(" ")) {
      c.pos++;
    } else {
      throw new TimeError("not a valid RFC3339 timestamp: missing required time introducer 'T'");
    }
    int hour = c.digits(1, 2, "hour");
    c.range(hour <= 23, "hour");
    c.literal(":");
    int minute = c.digits(2, 2, "minute");
    c.range(minute <= 59, "minute");
    c.literal(":");
    int second = c.digits(2, 2, "second");
    c.range(second <= 59, "second");
    int nanos = 0;
    if (c.rest().length() >= 2
        && c.rest().charAt(0) == '.'
        && Character.isDigit(c.rest().charAt(1))) {
      c.pos++;
      int start = c.pos;
      while (c.pos < s.length() && Character.isDigit(s.charAt(c.pos))) {
        c.pos++;
      }
      String frac = s.substring(start, c.pos);
      String nine = (frac + "000000000").substring(0, 9);
      nanos = Integer.parseInt(nine);
    }
    int offset;
    String rest = c.rest();
    if (rest.startsWith("Z")) {
      offset = 0;
      c.pos++;
    } else if (rest.length() >= 6
        && (rest.charAt(0) == '+' || rest.charAt(0) == '-')
        && rest.substring(1, 3).chars().allMatch(Character::isDigit)
        && rest.charAt(3) == ':'
        && rest.substring(4, 6).chars().allMatch(Character::isDigit)) {
      int oh = Integer.parseInt(rest.substring(1, 3));
      int om = Integer.parseInt(rest.substring(4, 6));
      int total = oh * 3600 + om * 60;
      // Go takes any offset under 24 hours (+23:59); newer Go refuses +24:00, and so do we.
      if (oh > 24 || om > 60 || total >= 24 * 3600) {
        throw new TimeError("not a valid RFC3339 timestamp: UTC offset out of range");
      }
      offset = rest.charAt(0) == '-' ? -total : total;
      c.pos += 6;
    } else if (rest.isEmpty()) {
      throw new TimeError("not a valid RFC3339 timestamp: end of string before UTC offset");
    } else {
      throw new TimeError(
          "not a valid RFC3339 timestamp: cannot use " + Strings.quote(rest) + " as UTC offset");
    }
    if (!c.rest().isEmpty()) {
      // Go reports trailing text without naming a layout element; cty words that as below.
      throw new TimeError(
          "not a valid RFC3339 timestamp: cannot use "
              + Strings.quote(c.rest())
              + " as timestamp segment");
    }
    if (day < 1 || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
      throw new TimeError("not a valid RFC3339 timestamp: day out of range");
    }
    return new Stamp(LocalDateTime.of(year, month, day, hour, minute, second, nanos), offset);
  }

  private static final class Cursor {
    final String s;
    int pos;

    Cursor(String s) {
      this.s = s;
    }

    String rest() {
      return s.substring(pos);
    }

    int digits(int min, int max, String what) throws TimeError {
      int start = pos;
      while (pos < s.length() && pos - start < max && Character.isDigit(s.charAt(pos))) {
        pos++;
      }
      if (pos - start < min) {
        String rest = s.substring(start);
        pos = start;
        if (rest.isEmpty()) {
          throw new TimeError("not a valid RFC3339 timestamp: end of string before " + what);
        }
        throw new TimeError(
            "not a valid RFC3339 timestamp: cannot use " + Strings.quote(rest) + " as " + what);
      }
      return Integer.parseInt(s.substring(start, pos));
    }

    /** Go reports a field out of range by quoting what follows it. */
    void range(boolean ok, String what) throws TimeError {
      if (!ok) {
        throw new TimeError(
            "not a valid RFC3339 timestamp: cannot use " + Strings.quote(rest()) + " as " + what);
      }
    }

    void literal(String lit) throws TimeError {
      if (s.startsWith(lit, pos)) {
        pos += lit.length();
        return;
      }
      if (pos >= s.length()) {
        throw new TimeError(
            "not a valid RFC3339 timestamp: end of string where "
                + Strings.quote(lit)
                + " is expected");
      }
      throw new TimeError(
          "not a valid RFC3339 timestamp: found "
              + Strings.quote(rest())
              + " where "
              + Strings.quote(lit)
              + " is expected");
    }
  }

  /** Go's {@code time.RFC3339} formatting (seconds precision, {@code Z} for UTC). */
  static String formatRfc3339(Stamp t) {
    return layout(t, "2006-01-02T15:04:05Z07:00");
  }

  // ------------------------------------------------------------------ durations

  /** Go's {@code time.ParseDuration}, in nanoseconds. */
  static long parseDuration(String text) throws TimeError {
    String s = text;
    String orig = Strings.quote(text);
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return 0;
    }
    if (s.isEmpty()) {
      throw new TimeError("time: invalid duration " + orig);
    }
    java.math.BigDecimal total = java.math.BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      boolean pre = i > start;
      String intPart = s.substring(start, i);
      String fracPart = "";
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        int fs = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
          i++;
        }
        fracPart = s.substring(fs, i);
      }
      if (!pre && fracPart.isEmpty()) {
        throw new TimeError("time: invalid duration " + orig);
      }
      int us = i;
      while (i < s.length() && s.charAt(i) != '.' && !Character.isDigit(s.charAt(i))) {
        i++;
      }
      String unit = s.substring(us, i);
      if (unit.isEmpty()) {
        throw new TimeError("time: missing unit in duration " + orig);
      }
      long scale;
      switch (unit) {
        case "ns":
          scale = 1L;
          break;
        case "us":
        case "\u00b5s":
        case "\u03bcs":
          scale = 1_000L;
          break;
        case "ms":
          scale = 1_000_000L;
          break;
        case "s":
          scale = 1_000_000_000L;
          break;
        case "m":
          scale = 60_000_000_000L;
          break;
        case "h":
          scale = 3_600_000_000_000L;
          break;
        default:
          throw new TimeError("time: unknown unit " + Strings.quote(unit) + " in duration " + orig);
      }
      java.math.BigDecimal v =
          new java.math.BigDecimal(
              (intPart.isEmpty() ? "0" : intPart) + (fracPart.isEmpty() ? "" : "." + fracPart));
      total = total.add(v.multiply(java.math.BigDecimal.valueOf(scale)));
      if (total.compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
        throw new TimeError("time: invalid duration " + orig);
      }
    }
    long nanos = total.setScale(0, java.math.RoundingMode.DOWN).longValue();
    return neg ? -nanos : nanos;
  }

  // ------------------------------------------------------------------ layouts

  /** Formats with a Go reference-time layout ({@code 2006-01-02T15:04:05Z07:00}). */
  static String layout(Stamp t, String layout) {
    // Each element is matched in place (startsWith at i), not in a copy of the rest of the
    // layout: a copy per character made a long layout cost its length squared.
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = layout.length();
    while (i < n) {
      char c = layout.charAt(i);
      int consumed = 0;
      String piece = null;
      switch (c) {
        case 'J':
          if (layout.startsWith("January", i)) {
            piece = t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            consumed = 7;
          } else if (layout.startsWith("Jan", i)) {
            piece = t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            consumed = 3;
          }
          break;
        case 'M':
          if (layout.startsWith("Monday", i)) {
            piece = t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            consumed = 6;
          } else if (layout.startsWith("Mon", i)) {
            piece = t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            consumed = 3;
          } else if (layout.startsWith("MST", i)) {
            piece = zoneAbbreviation(t);
            consumed = 3;
          }
          break;
        case '0':
          if (layout.startsWith("002", i)) {
            piece = pad(t.getDayOfYear(), 3, '0');
            consumed = 3;
          } else if (n - i >= 2 && layout.charAt(i + 1) >= '1' && layout.charAt(i + 1) <= '6') {
            consumed = 2;
            switch (layout.charAt(i + 1)) {
              case '1':
                piece = pad(t.getMonthValue(), 2, '0');
                break;
              case '2':
                piece = pad(t.getDayOfMonth(), 2, '0');
                break;
              case '3':
                piece = pad(hour12(t), 2, '0');
                break;
              case '4':
                piece = pad(t.getMinute(), 2, '0');
                break;
              case '5':
                piece = pad(t.getSecond(), 2, '0');
                break;
              default:
                piece = pad(Math.floorMod(t.getYear(), 100), 2, '0');
            }
          }
          break;
        case '1':
          if (layout.startsWith("15", i)) {
            piece = pad(t.getHour(), 2, '0');
            consumed = 2;
          } else {
            piece = Integer.toString(t.getMonthValue());
            consumed = 1;
          }
          break;
        case '2':
          if (layout.startsWith("2006", i)) {
            piece = pad(t.getYear(), 4, '0');
            consumed = 4;
          } else {
            piece = Integer.toString(t.getDayOfMonth());
            consumed = 1;
          }
          break;
        case '_':
          if (layout.startsWith("_2", i) && !layout.startsWith("_2006", i)) {
            piece = pad(t.getDayOfMonth(), 2, ' ');
            consumed = 2;
          } else if (layout.startsWith("__2", i)) {
            piece = pad(t.getDayOfYear(), 3, ' ');
            consumed = 3;
          }
          break;
        case '3':
          piece = Integer.toString(hour12(t));
          consumed = 1;
          break;
        case '4':
          piece = Integer.toString(t.getMinute());
          consumed = 1;
          break;
        case '5':
          piece = Integer.toString(t.getSecond());
          consumed = 1;
          break;
        case 'P':
          if (layout.startsWith("PM", i)) {
            piece = t.getHour() >= 12 ? "PM" : "AM";
            consumed = 2;
          }
          break;
        case 'p':
          if (layout.startsWith("pm", i)) {
            piece = t.getHour() >= 12 ? "pm" : "am";
            consumed = 2;
          }
          break;
        case '-':
        case 'Z':
          for (String z : new String[] {"070000", "07:00:00", "0700", "07:00", "07"}) {
            if (layout.startsWith(z, i + 1)) {
              piece = zone(t, c == 'Z', z);
              consumed = 1 + z.length();
              break;
            }
          }
          break;
        case '.':
        case ',':
          if (n - i >= 2 && (layout.charAt(i + 1) == '0' || layout.charAt(i + 1) == '9')) {
            char d = layout.charAt(i + 1);
            int j = 1;
            while (j < n - i && layout.charAt(i + j) == d) {
              j++;
            }
            if (j >= n - i || !Character.isDigit(layout.charAt(i + j))) {
              piece = fraction(t.getNano(), j - 1, d == '9', c);
              consumed = j;
            }
          }
          break;
        default:
          break;
      }
      if (piece == null) {
        out.append(c);
        i++;
      } else {
        out.append(piece);
        i += consumed;
      }
    }
    return out.toString();
  }

  private static int hour12(Stamp t) {
    int h = t.getHour() % 12;
    return h == 0 ? 12 : h;
  }

  private static String pad(int v, int width, char fill) {
    String s = Integer.toString(Math.abs(v));
    StringBuilder sb = new StringBuilder();
    if (v < 0) {
      sb.append('-');
    }
    for (int i = s.length(); i < width; i++) {
      sb.append(fill);
    }
    return sb.append(s).toString();
  }

  private static String zoneAbbreviation(Stamp t) {
    int secs = t.offsetSeconds();
    if (secs == 0) {
      return "UTC";
    }
    return zone(t, false, "0700");
  }

  private static String zone(Stamp t, boolean zForUtc, String form) {
    int secs = t.offsetSeconds();
    if (secs == 0 && zForUtc) {
      return "Z";
    }
    char sign = secs < 0 ? '-' : '+';
    int a = Math.abs(secs);
    String hh = pad(a / 3600, 2, '0');
    String mm = pad(a / 60 % 60, 2, '0');
    String ss = pad(a % 60, 2, '0');
    switch (form) {
      case "070000":
        return sign + hh + mm + ss;
      case "07:00:00":
        return sign + hh + ":" + mm + ":" + ss;
      case "0700":
        return sign + hh + mm;
      case "07:00":
        return sign + hh + ":" + mm;
      default:
        return sign + hh;
    }
  }

  private static String fraction(int nanos, int digits, boolean trim, char sep) {
    String nine = pad(nanos, 9, '0');
    String f = nine.substring(0, Math.min(9, digits));
    if (trim) {
      int end = f.length();
      while (end > 0 && f.charAt(end - 1) == '0') {
        end--;
      }
      f = f.substring(0, end);
      return f.isEmpty() ? "" : sep + f;
    }
    return sep + f;
  }

  // ------------------------------------------------------------------ strftime

  /**
   * The strftime directives of github.com/jehiah/go-strftime (the library behind Packer's {@code
   * legacy_strftime} and legacy {@code {{strftime}}}), as Go layouts ({@code %L} is {@code .000},
   * milliseconds with their dot).
   */
  private static final Map<Character, String> STRFTIME =
      Map.ofEntries(
          Map.entry('a', "Mon"),
          Map.entry('A', "Monday"),
          Map.entry('b', "Jan"),
          Map.entry('B', "January"),
          Map.entry('d', "02"),
          Map.entry('H', "15"),
          Map.entry('I', "03"),
          Map.entry('L', ".000"),
          Map.entry('m', "01"),
          Map.entry('M', "04"),
          Map.entry('p', "PM"),
          Map.entry('S', "05"),
          Map.entry('y', "06"),
          Map.entry('Y', "2006"),
          Map.entry('z', "-0700"),
          Map.entry('Z', "MST"));

  /**
   * jehiah/go-strftime's {@code Format}: the directives above; {@code %%} is a percent sign; any
   * other directive ({@code %c}, {@code %e}, {@code %j}, {@code %T}, …) is printed as written, as
   * is a {@code %} at the end.
   */
  static String strftime(Stamp t, String format) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < format.length()) {
      char c = format.charAt(i);
      if (c != '%' || i + 1 >= format.length()) {
        out.append(c);
        i++;
        continue;
      }
      char directive = format.charAt(i + 1);
      String layout = STRFTIME.get(directive);
      if (directive == '%') {
        out.append('%');
      } else if (layout != null) {
        out.append(layout(t, layout));
      } else {
        out.append('%').append(directive);
      }
      i += 2;
    }
    return out.toString();
  }

  /** ISO week-based year and week, as Go's {@code ISOWeek}. */
  static int[] isoWeek(Stamp t) {
    return new int[] {t.get(IsoFields.WEEK_BASED_YEAR), t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)};
  }

  static Stamp plusNanos(Stamp t, long nanos) {
    return t.plusNanos(nanos);
  }
}
