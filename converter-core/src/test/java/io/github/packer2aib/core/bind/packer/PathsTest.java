package io.github.packer2aib.core.bind.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PathsTest {
  @Test
  void cleanFollowsGo() {
    assertEquals(".", Paths.clean(""));
    assertEquals(".", Paths.clean("./"));
    assertEquals("a/c", Paths.clean("a/b/../c/"));
    assertEquals("../a", Paths.clean("../a"));
    assertEquals("/a", Paths.clean("/../a"));
  }

  @Test
  void dirOfABareFileNameIsTheCurrentDirectory() {
    assertEquals(".", Paths.dir("t.pkr.hcl"));
    assertEquals("images/ubuntu", Paths.dir("images/ubuntu/t.pkr.hcl"));
    assertEquals("/", Paths.dir("/t.pkr.hcl"));
  }

  @Test
  void absoluteResolvesAgainstTheBase() {
    assertEquals("/work/images", Paths.absolute("/work", "images/"));
    assertEquals("/etc/x", Paths.absolute("/work", "/etc/x"));
    assertEquals("/x", Paths.absolute("/work", "../x"));
  }
}
