package io.github.packer2aib.core.aib;

import java.util.List;

/**
 * The template's managed identity: {@code type} is {@code UserAssigned} or {@code None}; {@code
 * userAssignedIdentities} lists resource ids, written as {@code {"<id>": {}}} as ARM expects.
 */
public record Identity(String type, List<String> userAssignedIdentities) {

  public Identity {
    userAssignedIdentities = Maps.copyOrNull(userAssignedIdentities);
  }

  public static Identity userAssigned(String resourceId) {
    return new Identity("UserAssigned", List.of(resourceId));
  }
}
