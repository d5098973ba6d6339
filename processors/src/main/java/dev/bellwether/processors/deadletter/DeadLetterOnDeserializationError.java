package dev.bellwether.processors.deadletter;

import dev.bellwether.schemas.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record whose bytes cannot be decoded goes to {@code bellwether.dlq}, in the same transaction as
 * the task's other output, and processing goes on.
 */
public final class DeadLetterOnDeserializationError extends DeadLetterHandler
    implements DeserializationExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(DeadLetterOnDeserializationError.class);

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    log.warn(
        "Unreadable record on {}-{} at offset {} sent to the DLQ: {}",
        context.topic(),
        context.partition(),
        context.offset(),
        DeadLetters.reason(exception));
    return Response.resume(deadLetter("processors.deserialize", exception, context));
  }
}
