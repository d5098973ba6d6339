package dev.bellwether.bench;

import dev.bellwether.core.company.Company;
import dev.bellwether.core.company.CompanyKnowledgeBase;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The naive tagger the issue compares against: one {@link Pattern} per name, alias and product of
 * every company in the built-in knowledge base, and one per cue phrase of the five event types,
 * each run over the whole text. It reports which companies and which event types occur (no
 * sentences, no roles): less work than the real tagger, so the ratio flatters the baseline.
 */
public final class NaiveTagger {
  /** About a hundred cue phrases, twenty per event type. */
  static final Map<String, List<String>> CUES =
      Map.of(
          "FUNDING",
          List.of(
              "raised",
              "raises",
              "raising",
              "funding round",
              "series a",
              "series b",
              "series c",
              "series d",
              "seed round",
              "led by",
              "valuation",
              "valued at",
              "investors",
              "venture capital",
              "backed by",
              "closes round",
              "secured funding",
              "fundraise",
              "pre-money",
              "post-money"),
          "ACQUISITION",
          List.of(
              "acquire",
              "acquires",
              "acquired",
              "acquisition",
              "to buy",
              "buys",
              "bought",
              "takeover",
              "merger",
              "merge with",
              "purchase",
              "deal to buy",
              "agreed to buy",
              "snapped up",
              "acqui-hire",
              "all-stock deal",
              "all-cash deal",
              "tender offer",
              "buyout",
              "completed the acquisition"),
          "PARTNERSHIP",
          List.of(
              "partnership",
              "partner with",
              "partners with",
              "partnering",
              "collaboration",
              "collaborate",
              "teams up",
              "team up",
              "alliance",
              "strategic agreement",
              "multi-year agreement",
              "joint venture",
              "licensing deal",
              "signed a deal",
              "tie-up",
              "work together",
              "integrate",
              "cloud deal",
              "agreement with",
              "memorandum of understanding"),
          "IPO",
          List.of(
              "initial public offering",
              "ipo",
              "go public",
              "going public",
              "went public",
              "listing",
              "to list",
              "priced its",
              "per share",
              "nasdaq",
              "new york stock exchange",
              "nyse",
              "s-1",
              "filed confidentially",
              "stock market debut",
              "began trading",
              "shares rose",
              "public offering",
              "direct listing",
              "spac"),
          "EXPORT_CONTROL",
          List.of(
              "export control",
              "export controls",
              "entity list",
              "export ban",
              "sanction",
              "sanctions",
              "restrict",
              "restrictions",
              "license requirement",
              "commerce department",
              "bureau of industry and security",
              "blacklist",
              "banned",
              "chip ban",
              "advanced chips",
              "national security",
              "trade restrictions",
              "foreign direct product",
              "curbs",
              "embargo"));

  private record Named(String label, Pattern pattern) {}

  /** Companies and event types found in one text, with the number of matches. */
  public record Result(Set<String> companies, Set<String> eventTypes, int matches) {}

  private final List<Named> companyPatterns;
  private final List<Named> cuePatterns;

  private NaiveTagger(List<Named> companyPatterns, List<Named> cuePatterns) {
    this.companyPatterns = companyPatterns;
    this.cuePatterns = cuePatterns;
  }

  public static NaiveTagger builtIn() {
    List<Named> companies = new ArrayList<>();
    for (Company c : CompanyKnowledgeBase.builtIn().companies()) {
      Set<String> names = new LinkedHashSet<>();
      names.add(c.name());
      names.addAll(c.aliases());
      names.addAll(c.products());
      for (String n : names) {
        companies.add(
            new Named(c.name(), Pattern.compile("(?<![\\w])" + Pattern.quote(n) + "(?![\\w])")));
      }
    }
    List<Named> cues = new ArrayList<>();
    CUES.forEach(
        (type, phrases) -> {
          for (String phrase : phrases) {
            cues.add(
                new Named(
                    type,
                    Pattern.compile(
                        "\\b" + Pattern.quote(phrase) + "\\b", Pattern.CASE_INSENSITIVE)));
          }
        });
    return new NaiveTagger(List.copyOf(companies), List.copyOf(cues));
  }

  public int patternCount() {
    return companyPatterns.size() + cuePatterns.size();
  }

  public Result tag(String text) {
    Set<String> companies = new LinkedHashSet<>();
    Set<String> types = new LinkedHashSet<>();
    int matches = 0;
    for (Named n : companyPatterns) {
      Matcher m = n.pattern().matcher(text);
      while (m.find()) {
        companies.add(n.label());
        matches++;
      }
    }
    for (Named n : cuePatterns) {
      Matcher m = n.pattern().matcher(text);
      while (m.find()) {
        types.add(n.label());
        matches++;
      }
    }
    return new Result(companies, types, matches);
  }
}
