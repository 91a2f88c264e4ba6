package io.github.packer2aib.core.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EditDistanceTest {
  /** The whole table, as the distance was once worked out; capped as between() caps it. */
  private static int reference(String a, String b) {
    int n = a.length();
    int m = b.length();
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, d[i - 2][j - 2] + 1);
        }
        d[i][j] = best;
      }
    }
    return Math.min(d[n][m], EditDistance.FAR);
  }

  private static String random(Random r, int maxLength) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(maxLength + 1);
    for (int i = 0; i < n; i++) {
      sb.append("abc".charAt(r.nextInt(3)));
    }
    return sb.toString();
  }

  @Test
  void agreesWithTheWholeTableUpToTheLargestDistanceSuggested() {
    assertEquals(0, EditDistance.between("", ""));
    assertEquals(2, EditDistance.between("", "ab"));
    assertEquals(EditDistance.FAR, EditDistance.between("", "abc"));
    assertEquals(1, EditDistance.between("upper", "uppr"));
    assertEquals(1, EditDistance.between("region", "reigon"), "a swapped pair is one edit");
    Random r = new Random(42);
    for (int k = 0; k < 50_000; k++) {
      String a = random(r, 9);
      String b = r.nextBoolean() ? random(r, 9) : mutate(r, a);
      assertEquals(reference(a, b), EditDistance.between(a, b), a + " / " + b);
    }
  }

  private static String mutate(Random r, String a) {
    StringBuilder sb = new StringBuilder(a);
    for (int e = r.nextInt(4); e > 0; e--) {
      int at = sb.length() == 0 ? 0 : r.nextInt(sb.length());
      switch (r.nextInt(3)) {
        case 0 -> sb.insert(at, "abc".charAt(r.nextInt(3)));
        case 1 -> {
          if (sb.length() > 0) {
            sb.deleteCharAt(at);
          }
        }
        default -> {
          if (at + 1 < sb.length()) {
            char c = sb.charAt(at);
            sb.setCharAt(at, sb.charAt(at + 1));
            sb.setCharAt(at + 1, c);
          }
        }
      }
    }
    return sb.toString();
  }

  @Test
  void longNamesAreComparedInLinearTimeAndMemory() {
    // 30,000 characters once took 45 s and a table of 3.6 GB.
    String a = "a".repeat(1_000_000) + "x";
    String b = "a".repeat(1_000_000) + "b";
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          assertEquals(1, EditDistance.between(a, b));
          assertEquals(EditDistance.FAR, EditDistance.between(a, b + "cd"));
          assertEquals(EditDistance.FAR, EditDistance.between("bb" + a, a + "bb"));
        });
  }
}
