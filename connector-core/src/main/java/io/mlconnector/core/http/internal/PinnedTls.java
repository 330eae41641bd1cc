package io.mlconnector.core.http.internal;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * Trusts exactly a set of pinned server certificates (a self-signed server certificate the host
 * has exported): the server's own certificate must equal one of them and be within its validity.
 */
public final class PinnedTls {

  private PinnedTls() {}

  /** Trusts only {@code pinned} on {@code builder}. */
  public static void apply(OkHttpClient.Builder builder, List<X509Certificate> pinned) {
    X509TrustManager trust =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not checked here");
          }

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
              throw new CertificateException("the server presented no certificate");
            }
            X509Certificate leaf = chain[0];
            for (X509Certificate p : pinned) {
              if (p.equals(leaf)) {
                leaf.checkValidity();
                return;
              }
            }
            throw new CertificateException(
                "the server's certificate (" + leaf.getSubjectX500Principal().getName()
                    + ") is not one of the pinned certificates");
          }

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return pinned.toArray(new X509Certificate[0]);
          }
        };
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trust}, new SecureRandom());
      builder.sslSocketFactory(context.getSocketFactory(), trust);
      builder.hostnameVerifier((host, session) -> true);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a TLS context", e);
    }
  }
}
