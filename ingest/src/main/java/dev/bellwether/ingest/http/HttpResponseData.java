package dev.bellwether.ingest.http;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * A 2xx response.
 *
 * @param body the decoded body (gzip and deflate undone), at most the configured limit
 * @param contentType the {@code Content-Type} header
 */
public record HttpResponseData(
    int status, byte[] body, @Nullable String contentType, Validators validators, URI finalUrl)
    implements FetchResult {}
