package io.mlconnector.core.http.internal;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Limits the calls in flight on one credential (SYSPRO serves one call per session at a time). A
 * permit is held from the request until the answer's body is closed.
 */
public final class ConcurrencyLimitInterceptor implements Interceptor {

  private final Semaphore permits;

  /** An interceptor drawing on {@code permits} (fair, shared by every client of the credential). */
  public ConcurrencyLimitInterceptor(Semaphore permits) {
    this.permits = permits;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotSentException("a call slot", e);
    }
    AtomicBoolean released = new AtomicBoolean();
    Runnable release =
        () -> {
          if (released.compareAndSet(false, true)) {
            permits.release();
          }
        };
    Response response;
    try {
      response = chain.proceed(chain.request());
    } catch (IOException | RuntimeException | Error e) {
      release.run();
      throw e;
    }
    ResponseBody body = response.body();
    if (body == null) {
      release.run();
      return response;
    }
    return response.newBuilder().body(new ReleasingBody(body, release)).build();
  }

  /** A body that gives the permit back when it is closed. */
  private static final class ReleasingBody extends ResponseBody {
    private final ResponseBody delegate;
    private final BufferedSource source;

    ReleasingBody(ResponseBody delegate, Runnable release) {
      this.delegate = delegate;
      this.source =
          Okio.buffer(
              new ForwardingSource(delegate.source()) {
                @Override
                public void close() throws IOException {
                  try {
                    super.close();
                  } finally {
                    release.run();
                  }
                }
              });
    }

    @Override
    public MediaType contentType() {
      return delegate.contentType();
    }

    @Override
    public long contentLength() {
      return delegate.contentLength();
    }

    @Override
    public BufferedSource source() {
      return source;
    }
  }
}
