package io.github.packer2aib.core.aib;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;

/**
 * The template's managed identity: {@code type} is {@code UserAssigned} or {@code None}; {@code
 * userAssignedIdentities} lists resource ids, written as {@code {"<id>": {}}} as ARM expects.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "userAssignedIdentities"})
public record Identity(
    String type,
    @JsonSerialize(using = IdentityMapSerializer.class) List<String> userAssignedIdentities) {

  public Identity {
    userAssignedIdentities = Maps.copyOrNull(userAssignedIdentities);
  }

  public static Identity userAssigned(String resourceId) {
    return new Identity("UserAssigned", List.of(resourceId));
  }
}
