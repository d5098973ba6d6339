package dev.bellwether.ingest.http;

import java.net.URI;

/** What a successful fetch returns: a body, or word that the remembered version is current. */
public sealed interface FetchResult permits HttpResponseData, FetchResult.NotModified {
  /** The URL that answered, after redirects. */
  URI finalUrl();

  /** The validators to send next time. */
  Validators validators();

  /** 304 Not Modified: the version we hold is current. */
  record NotModified(URI finalUrl, Validators validators) implements FetchResult {}
}
