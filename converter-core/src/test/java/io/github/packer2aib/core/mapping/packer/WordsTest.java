package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordsTest {
  @Test
  void ofEquallyNearNamesTheFirstByNameIsSuggestedWhateverTheOrder() {
    // ssh_hort is one edit from ssh_host and from ssh_port: the suggestion was the first in a set
    // whose order changed from one JVM start to the next.
    assertEquals("ssh_host", Words.closest("ssh_hort", List.of("ssh_port", "ssh_host")));
    assertEquals("ssh_host", Words.closest("ssh_hort", List.of("ssh_host", "ssh_port")));
  }

  @Test
  void theNearestNameWinsOverOneFirstByName() {
    assertEquals("vm_size", Words.closest("vm_szie", List.of("vm_sizes", "vm_size")));
    assertNull(Words.closest("banana", DroppedFields.ALL_KNOWN));
  }
}
