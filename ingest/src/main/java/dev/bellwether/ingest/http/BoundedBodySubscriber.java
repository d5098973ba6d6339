package dev.bellwether.ingest.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * Collects a body as it streams in and stops at a limit: either failing with {@link LimitExceeded}
 * (for bodies we need whole) or completing with the first bytes (for error pages we only keep a
 * sample of). Either way the connection is cancelled as soon as the limit is reached.
 */
final class BoundedBodySubscriber implements BodySubscriber<byte[]> {
  /** The body went over the limit. */
  static final class LimitExceeded extends RuntimeException {
    LimitExceeded(long limit) {
      super("the body exceeds the limit of " + limit + " bytes");
    }
  }

  private final long limit;
  private final boolean truncate;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private volatile Flow.@Nullable Subscription subscription;

  private BoundedBodySubscriber(long limit, boolean truncate) {
    this.limit = limit;
    this.truncate = truncate;
  }

  /** Fails with {@link LimitExceeded} beyond {@code limit} bytes. */
  static BoundedBodySubscriber failingAbove(long limit) {
    return new BoundedBodySubscriber(limit, false);
  }

  /** Keeps the first {@code limit} bytes and drops the rest of the body. */
  static BoundedBodySubscriber truncatingAt(long limit) {
    return new BoundedBodySubscriber(limit, true);
  }

  /** A subscriber that fails at once, for a declared Content-Length over the limit. */
  static BoundedBodySubscriber alreadyTooLarge(long limit) {
    BoundedBodySubscriber subscriber = new BoundedBodySubscriber(limit, false);
    subscriber.result.completeExceptionally(new LimitExceeded(limit));
    return subscriber;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (result.isDone()) {
      subscription.cancel();
    } else {
      subscription.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    for (ByteBuffer item : items) {
      if (result.isDone()) {
        return;
      }
      append(item);
    }
  }

  private void append(ByteBuffer item) {
    long room = limit - buffer.size();
    if (item.remaining() <= room) {
      copy(item, item.remaining());
      return;
    }
    if (truncate) {
      copy(item, (int) room);
      result.complete(buffer.toByteArray());
    } else {
      result.completeExceptionally(new LimitExceeded(limit));
    }
    cancel();
  }

  private void copy(ByteBuffer item, int length) {
    byte[] bytes = new byte[length];
    item.get(bytes);
    buffer.write(bytes, 0, length);
  }

  private void cancel() {
    Flow.Subscription current = subscription;
    if (current != null) {
      current.cancel();
    }
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    result.complete(buffer.toByteArray());
  }
}
