package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnknownValuesTest {
  @Test
  void theDataKeyIsTheFirstFourNamesWithPlaceholdersForTheMissing() {
    assertEquals("data.az.img.id", UnknownValues.dataKey("data.az.img.id"));
    assertEquals("data.az.img.labels", UnknownValues.dataKey("data.az.img.labels[\"v\"]"));
    assertEquals("data.az.img.ATTRIBUTE", UnknownValues.dataKey("data.az.img"));
    assertEquals("data.az.NAME.ATTRIBUTE", UnknownValues.dataKey("data.az"));
  }
}
