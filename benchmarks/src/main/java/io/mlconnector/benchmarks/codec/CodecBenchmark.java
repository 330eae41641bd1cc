package io.mlconnector.benchmarks.codec;

import io.mlconnector.core.codec.Json;
import io.mlconnector.core.codec.Xml;
import io.mlconnector.core.credential.CredentialStore;
import io.mlconnector.core.credential.Credentials;
import io.mlconnector.core.credential.KeyProvider;
import io.mlconnector.core.credential.Secret;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of the core codecs per call: hardened XML binding of a Windows-1252 SYSPRO-like document
 * (a fresh StAX factory per document), the DOM path, Moshi with the BigDecimal/Instant adapters,
 * and a credential decrypt (AES-256-GCM). Run with {@code org.openjdk.jmh.Main CodecBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {
  /** A SYSPRO-like customer list. */
  @XmlRootElement(name = "ArCustomers")
  @XmlAccessorType(XmlAccessType.FIELD)
  public static class Customers {
    @XmlElement(name = "Customer")
    public List<Customer> customers = new ArrayList<>();
  }

  /** One customer. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static class Customer {
    @XmlElement(name = "Code")
    public String code;

    @XmlElement(name = "Name")
    public String name;

    @XmlElement(name = "Balance")
    public BigDecimal balance;
  }

  /** A Stripe-like charge. */
  public static final class Charge {
    String id;
    BigDecimal amount;
    Instant created;
    String currency;
  }

  private final Xml xml = Xml.create();
  private final Json json = Json.standard();
  private byte[] xmlBody;
  private String jsonBody;
  private CredentialStore store;
  private String envelope;

  @Setup
  public void setUp() {
    Customers doc = new Customers();
    for (int i = 0; i < 20; i++) {
      Customer c = new Customer();
      c.code = String.format("%07d", i);
      c.name = "Caf\u00e9 M\u00fcller \u20ac " + i;
      c.balance = new BigDecimal("1250.50").add(BigDecimal.valueOf(i));
      doc.customers.add(c);
    }
    xmlBody = xml.toBytes(doc, Charset.forName("windows-1252"));
    jsonBody = "{\"id\":\"ch_3MmlLrLkdIwHu7ix0snN0B15\",\"amount\":\"1099.00\",\"created\":1679090539,\"currency\":\"usd\"}";
    byte[] key = new byte[32];
    new Random(1).nextBytes(key);
    store = CredentialStore.builder(KeyProvider.of("k1", Map.of("k1", new SecretKeySpec(key, "AES")))).build();
    envelope = store.encrypt("acme", "stripe", Credentials.of("apiKey", Secret.of("sk_test_benchmark_key")));
  }

  @Benchmark
  public Object xmlBindWindows1252() {
    return xml.fromBytes(xmlBody, Customers.class);
  }

  @Benchmark
  public Object xmlDom() {
    return xml.parseDocument(xmlBody);
  }

  @Benchmark
  public Object jsonCharge() {
    return json.fromJson(jsonBody, Charge.class);
  }

  @Benchmark
  public Object credentialDecrypt() {
    return store.decrypt("acme", "stripe", envelope);
  }
}
