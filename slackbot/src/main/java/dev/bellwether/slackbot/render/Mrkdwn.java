package dev.bellwether.slackbot.render;

/** Slack's mrkdwn: text from articles must not open links, mentions or formatting. */
public final class Mrkdwn {
  private Mrkdwn() {}

  /** Escapes the three control characters Slack asks to escape: {@code & < >}. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A link {@code <url|label>}; the label is escaped and a URL that is not http(s) or that holds
   * characters that would break the link is shown as text instead.
   */
  public static String link(String url, String label) {
    boolean safe =
        (url.startsWith("https://") || url.startsWith("http://"))
            && url.chars().noneMatch(c -> c == '|' || c == '<' || c == '>' || c <= ' ');
    String text = escape(label.isBlank() ? url : label);
    return safe ? "<" + url.replace("&", "&amp;") + "|" + text + ">" : text + " " + escape(url);
  }
}
