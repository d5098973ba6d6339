package dev.bellwether.core.tagging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The governments and agencies that impose export controls, as named in news text. */
final class Authorities {
  private static final Map<String, Pattern> AUTHORITIES = new LinkedHashMap<>();

  static {
    AUTHORITIES.put(
        "US Commerce/BIS",
        Pattern.compile(
            "Commerce Department|Department of Commerce|Bureau of Industry and Security|\\bBIS\\b"));
    AUTHORITIES.put(
        "US government",
        Pattern.compile(
            "\\bU\\.S\\.|\\bUS\\b|United States|Washington|White House|Biden|Trump|\\b[Tt]he administration"));
    AUTHORITIES.put("Netherlands government", Pattern.compile("Netherlands|Dutch"));
    AUTHORITIES.put("European Union", Pattern.compile("European Union|\\bEU\\b|Brussels"));
    AUTHORITIES.put(
        "China",
        Pattern.compile("Beijing|China's (?:government|Commerce Ministry|commerce ministry)"));
    AUTHORITIES.put("Taiwan", Pattern.compile("Taiwan\\b"));
    AUTHORITIES.put("Japan", Pattern.compile("Japan\\b|Tokyo"));
    AUTHORITIES.put("South Korea", Pattern.compile("South Korea|Seoul"));
    AUTHORITIES.put("Italy", Pattern.compile("Italy|Italian"));
    AUTHORITIES.put("India", Pattern.compile("India\\b|New Delhi"));
    AUTHORITIES.put(
        "US Congress",
        Pattern.compile("\\bCongress\\b|\\bSenate\\b|\\b[Ss]enators?\\b|House of Representatives"));
  }

  private Authorities() {}

  /** The first authority, in a fixed order of precedence, named in the text. */
  static Optional<String> of(String text) {
    return AUTHORITIES.entrySet().stream()
        .filter(e -> e.getValue().matcher(text).find())
        .map(Map.Entry::getKey)
        .findFirst();
  }
}
