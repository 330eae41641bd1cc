package io.mlconnector.testkit.sandbox;

import java.util.Locale;

/** The simulators the sandbox runs, with the name used on the command line and their default ports. */
enum SandboxSystem {
  STRIPE("stripe", 12111),
  CHARGEBEE("chargebee", 12112),
  SYSPRO("syspro", 12113),
  SAP_B1("sapb1", 12114),
  ACUMATICA("acumatica", 12115),
  SFTP("sftp", 12122);

  final String id;
  final int defaultPort;

  SandboxSystem(String id, int defaultPort) {
    this.id = id;
    this.defaultPort = defaultPort;
  }

  boolean http() {
    return this != SFTP;
  }

  static SandboxSystem of(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    for (SandboxSystem s : values()) {
      if (s.id.equals(n)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown system '" + name + "' (one of stripe, chargebee, syspro, sapb1,"
        + " acumatica, sftp)");
  }
}
