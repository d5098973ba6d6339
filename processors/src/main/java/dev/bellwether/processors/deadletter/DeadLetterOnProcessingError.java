package dev.bellwether.processors.deadletter;

import dev.bellwether.schemas.DeadLetters;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that makes an operator throw goes to {@code bellwether.dlq} with the operator's name as
 * its stage, in the same transaction as the task's other output, and processing goes on.
 */
public final class DeadLetterOnProcessingError extends DeadLetterHandler
    implements ProcessingExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(DeadLetterOnProcessingError.class);

  @Override
  public Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    String stage = "processors." + context.processorNodeId();
    log.warn(
        "Record {} failed in {} ({}-{} offset {}), sent to the DLQ: {}",
        record.key(),
        stage,
        context.topic(),
        context.partition(),
        context.offset(),
        DeadLetters.reason(exception));
    return Response.resume(deadLetter(stage, exception, context));
  }
}
