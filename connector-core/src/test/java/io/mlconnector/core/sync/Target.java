package io.mlconnector.core.sync;

/** A record as the test sink stores it. */
record Target(String payload, String dependencyTarget) {

  /** The mapper of the tests: copies the payload, resolves the dependency if there is one. */
  static Target map(Item item, io.mlconnector.core.mapping.MappingContext context) {
    String dependency = null;
    if (item.dependsOn() != null) {
      dependency = context.require(item.dependsOn(), "crm").id();
    }
    if (item.payload().startsWith("refuse")) {
      throw context.refuse("payload '" + item.payload() + "' cannot be mapped");
    }
    return new Target(item.payload(), dependency);
  }
}
