package io.github.packer2aib.core.hcl.function;

import static io.github.packer2aib.core.hcl.function.DefinedFunction.define;

import io.github.packer2aib.core.hcl.value.BigFloat;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.Strings;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Date and time functions; the current time comes from the run's frozen {@link Clock}. */
final class DateTimeFunctions {
  private DateTimeFunctions() {}

  static List<HclFunction> all(Clock clock) {
    List<HclFunction> fs = new ArrayList<>();
    fs.add(
        define("timestamp")
            .returns(Type.STRING)
            .impl(a -> Value.string(GoTime.formatRfc3339(now(clock))).mark(Mark.FROZEN)));
    fs.add(
        define("legacy_isotime")
            .variadic("format", Type.STRING)
            .returns(Type.STRING)
            .impl(
                a -> {
                  if (a.size() > 1) {
                    throw FunctionException.arg(
                        1, "legacy_isotime takes at most one format argument");
                  }
                  String layout = a.isEmpty() ? "2006-01-02T15:04:05Z07:00" : a.get(0).asString();
                  return Value.string(GoTime.layout(now(clock), layout)).mark(Mark.FROZEN);
                }));
    fs.add(
        define("legacy_strftime")
            .variadic("format", Type.STRING)
            .returns(Type.STRING)
            .impl(
                a -> {
                  // Packer's LegacyStrftimeFunc: no format gives the time in RFC 3339.
                  if (a.size() > 1) {
                    throw FunctionException.arg(
                        1, "legacy_strftime takes at most one format argument");
                  }
                  String text =
                      a.isEmpty()
                          ? GoTime.layout(now(clock), "2006-01-02T15:04:05Z07:00")
                          : GoTime.strftime(now(clock), a.get(0).asString());
                  return Value.string(text).mark(Mark.FROZEN);
                }));
    fs.add(
        define("timeadd")
            .param("timestamp", Type.STRING)
            .param("duration", Type.STRING)
            .returns(Type.STRING)
            .impl(
                a -> {
                  GoTime.Stamp t = parse(a.get(0).asString(), -1, false);
                  long d;
                  try {
                    d = GoTime.parseDuration(a.get(1).asString());
                  } catch (GoTime.TimeError e) {
                    throw FunctionException.call(e.getMessage());
                  }
                  return Value.string(GoTime.formatRfc3339(GoTime.plusNanos(t, d)));
                }));
    fs.add(
        define("formatdate")
            .param("format", Type.STRING)
            .param("time", Type.STRING)
            .returns(Type.STRING)
            .impl(
                a -> {
                  GoTime.Stamp t = parse(a.get(1).asString(), 1, false);
                  return Value.string(formatdate(a.get(0).asString(), t));
                }));
    fs.add(
        define("rfc3339_parse")
            .param("timestamp", Type.STRING)
            .returns(a -> Type.DYNAMIC)
            .impl(a -> components(parse(a.get(0).asString(), 0, true))));
    fs.add(
        define("unix_timestamp_parse")
            .param("unix_timestamp", Type.NUMBER)
            .returns(a -> Type.DYNAMIC)
            .impl(
                a -> {
                  BigInteger secs = a.get(0).asNumber().truncate();
                  if (secs.bitLength() > 40) {
                    throw FunctionException.arg(0, "the timestamp is out of range");
                  }
                  return components(GoTime.Stamp.utc(Instant.ofEpochSecond(secs.longValue())));
                }));
    return fs;
  }

  private static GoTime.Stamp now(Clock clock) {
    return GoTime.Stamp.utc(clock.now());
  }

  private static GoTime.Stamp parse(String s, int argIndex, boolean spaceAllowed)
      throws FunctionException {
    try {
      return GoTime.parseRfc3339(s, spaceAllowed);
    } catch (GoTime.TimeError e) {
      throw new FunctionException(argIndex, e.getMessage());
    }
  }

  private static Value components(GoTime.Stamp t) {
    Map<String, Value> m = new LinkedHashMap<>();
    int[] iso = GoTime.isoWeek(t);
    m.put("year", Value.number(t.getYear()));
    m.put("year_day", Value.number(t.getDayOfYear()));
    m.put("month", Value.number(t.getMonthValue()));
    m.put("month_name", Value.string(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)));
    m.put("day", Value.number(t.getDayOfMonth()));
    m.put("weekday", Value.number(t.getDayOfWeek().getValue() % 7));
    m.put(
        "weekday_name",
        Value.string(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)));
    m.put("hour", Value.number(t.getHour()));
    m.put("minute", Value.number(t.getMinute()));
    m.put("second", Value.number(t.getSecond()));
    m.put("unix", Value.number(BigFloat.of(t.toEpochSecond())));
    m.put("iso_year", Value.number(iso[0]));
    m.put("iso_week", Value.number(iso[1]));
    return Value.object(m);
  }

  /** cty's {@code formatdate} verbs; letters must be quoted ({@code 'T'}) to be literal. */
  static String formatdate(String format, GoTime.Stamp t) throws FunctionException {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = format.length();
    while (i < n) {
      char c = format.charAt(i);
      if (c == '\'') {
        // As cty's tokenizer: a '' where a token starts is one escaped quote, before any quoted
        // literal is looked for, so a format of four quotes gives two (not a literal of one).
        if (i + 1 < n && format.charAt(i + 1) == '\'') {
          out.append('\'');
          i += 2;
          continue;
        }
        int j = i + 1;
        StringBuilder lit = new StringBuilder();
        boolean closed = false;
        while (j < n) {
          if (format.charAt(j) == '\'') {
            if (j + 1 < n && format.charAt(j + 1) == '\'') {
              lit.append('\'');
              j += 2;
              continue;
            }
            closed = true;
            j++;
            break;
          }
          lit.append(format.charAt(j));
          j++;
        }
        if (!closed) {
          throw FunctionException.arg(0, "unterminated literal '" + lit);
        }
        out.append(lit);
        i = j;
        continue;
      }
      if (!isAsciiLetter(c)) {
        out.append(c);
        i++;
        continue;
      }
      int j = i;
      while (j < n && format.charAt(j) == c) {
        j++;
      }
      String tok = format.substring(i, j);
      out.append(verb(tok, t));
      i = j;
    }
    return out.toString();
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static String verb(String tok, GoTime.Stamp t) throws FunctionException {
    int len = tok.length();
    switch (tok.charAt(0)) {
      case 'Y':
        if (len == 2) {
          return two(Math.floorMod(t.getYear(), 100));
        }
        if (len == 4) {
          return String.format(Locale.ROOT, "%04d", t.getYear());
        }
        throw bad(tok, "year must either be \"YY\" or \"YYYY\"");
      case 'M':
        switch (len) {
          case 1:
            return Integer.toString(t.getMonthValue());
          case 2:
            return two(t.getMonthValue());
          case 3:
            return t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
          case 4:
            return t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
          default:
            throw bad(tok, "month must be \"M\", \"MM\", \"MMM\", or \"MMMM\"");
        }
      case 'D':
        if (len == 1) {
          return Integer.toString(t.getDayOfMonth());
        }
        if (len == 2) {
          return two(t.getDayOfMonth());
        }
        throw bad(tok, "day of month must either be \"D\" or \"DD\"");
      case 'E':
        if (len == 3) {
          return t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        }
        if (len == 4) {
          return t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        }
        throw bad(tok, "day of week must either be \"EEE\" or \"EEEE\"");
      case 'h':
        if (len == 1) {
          return Integer.toString(t.getHour());
        }
        if (len == 2) {
          return two(t.getHour());
        }
        throw bad(tok, "24-hour must either be \"h\" or \"hh\"");
      case 'H':
        {
          int h = t.getHour() % 12;
          h = h == 0 ? 12 : h;
          if (len == 1) {
            return Integer.toString(h);
          }
          if (len == 2) {
            return two(h);
          }
          throw bad(tok, "12-hour must either be \"H\" or \"HH\"");
        }
      case 'A':
        if (len == 2) {
          return t.getHour() >= 12 ? "PM" : "AM";
        }
        throw bad(tok, "must be \"AA\"");
      case 'a':
        if (len == 2) {
          return t.getHour() >= 12 ? "pm" : "am";
        }
        throw bad(tok, "must be \"aa\"");
      case 'm':
        if (len == 1) {
          return Integer.toString(t.getMinute());
        }
        if (len == 2) {
          return two(t.getMinute());
        }
        throw bad(tok, "minute must either be \"m\" or \"mm\"");
      case 's':
        if (len == 1) {
          return Integer.toString(t.getSecond());
        }
        if (len == 2) {
          return two(t.getSecond());
        }
        throw bad(tok, "second must either be \"s\" or \"ss\"");
      case 'Z':
        switch (len) {
          case 1:
            return GoTime.layout(t, "Z07:00");
          case 3:
            return GoTime.layout(t, "MST");
          case 4:
            return GoTime.layout(t, "-0700");
          case 5:
            return GoTime.layout(t, "-07:00");
          default:
            throw bad(tok, "timezone must be Z, ZZZZ, or ZZZZZ");
        }
      default:
        throw FunctionException.arg(0, "invalid date format verb " + Strings.quote(tok));
    }
  }

  private static String two(int v) {
    return v < 10 ? "0" + v : Integer.toString(v);
  }

  private static FunctionException bad(String tok, String why) {
    return FunctionException.arg(0, "invalid date format verb " + Strings.quote(tok) + ": " + why);
  }
}
