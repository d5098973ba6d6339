package dev.bellwether.core.tagging;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Government limits on the cross-border sale or use of AI technology: export controls, curbs,
 * entity-list additions, licence requirements, a government's ban on a foreign AI product, bills on
 * chips sold abroad; and their lifting ({@code relaxed}), including licences or approval granted to
 * sell to a foreign destination. Calls for a ban, domestic and private bans, and exporting one's
 * data are not export controls.
 */
final class ExportControlCues implements EventCues {
  private static final String FOREIGN =
      "(?:china|chinese|russia\\w*|iran\\w*|beijing|malaysia|thailand|the uae|middle east)";
  private static final Pattern STRONG =
      Pattern.compile(
          "\\bexport(?:s|ing)?\\b[\\w\\s-]{0,25}?\\b(?:controls?|curbs?|restrictions?|rules?|bans?"
              + "|limits?|licen[cs]es?|regulations?|threshold|blacklist|list)\\b"
              + "|\\b(?:controls?|curbs?|restrictions?|limits?|bans?|rules?) on (?:the )?(?:export\\w*"
              + "|sales?|shipments?)\\b"
              + "|\\b(?:curb\\w*|restrict\\w*|limit\\w*|bann?(?:ed|ing|s)?|barr?(?:ed|ing|s)|block\\w*"
              + "|halt\\w*|stop\\w*|tighten\\w*)\\b[^.;]{0,80}\\b(?:exports?|sales?|shipments?|shipping"
              + "|selling)\\b[^.;]{0,60}\\b(?:to|into|in|for|bound for|headed to) "
              + FOREIGN
              + "|\\b(?:curbs?|restrictions?|bans?|controls?)\\b[^.;]{0,40}\\b(?:placed|imposed) on\\b"
              + "|\\bentity list\\b|\\bbureau of industry and security\\b"
              + "|\\blicen[cs]e requirements?\\b|\\brequire (?:special )?(?:licen[cs]es|authori[sz]ation)"
              + "|\\b(?:imposed|imposes|imposing|issued|announced|ordered) (?:a )?ban on\\b"
              + "|\\bbann(?:ed|ing) (?:the )?(?:use|downloads?) of\\b");

  /**
   * A government letting a sale abroad go ahead: licences or approval granted, won or received, or
   * a company cleared or allowed to sell, ship or export to a foreign destination.
   */
  private static final Pattern GRANTED =
      Pattern.compile(
          "(?<!not |n't |never |no longer )\\b(?:(?:grant\\w*|issu(?:e|es|ed|ing)|award\\w*"
              + "|approv(?:e|es|ed|ing)|wins?|winning|won|receiv\\w*|obtain\\w*|secur(?:e|es|ed|ing)"
              + "|gets?|got|given)\\b[^.;]{0,30}?\\b(?:licen[cs]es?|approvals?|permission|permits?"
              + "|waivers?|go-ahead|green light)|(?:cleared|allowed|permitted|authori[sz]ed))\\b"
              + "[^.;]{0,60}?\\b(?:sell|ship|export|suppl[yi]|resum|sales?\\b|shipments?\\b)\\w*"
              + "[^.;]{0,60}?\\b"
              + FOREIGN);

  /** A bill or legislation about exports or chips sold abroad. */
  private static final Pattern BILL =
      Pattern.compile(
          "\\b(?:bill|legislation)\\b[^.;]{0,80}\\b(?:export\\w*|sold abroad|shipped abroad"
              + "|smuggl\\w*|overseas sales)\\b");

  private static final Pattern HURTS =
      Pattern.compile(
          "\\b(?:curbs|restrictions|controls|sanctions)\\b[^.;]{0,40}\\b(?:hit|hurt|weigh\\w*"
              + "|impact\\w*|affect\\w*|dent\\w*)\\b");
  private static final Pattern CALLS =
      Pattern.compile(
          "\\b(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)? (?:for|on)|push(?:es|ed|ing)? for|lobb\\w+"
              + "|demand\\w*|petition\\w*|should (?:ban|restrict|block)|wants? (?:to )?(?:ban|restrict)"
              + "|criticiz\\w+|criticis\\w+)\\b");
  private static final Pattern RELAXED =
      Pattern.compile(
          "\\b(?:lift\\w*|eas(?:e|ed|es|ing)|loosen\\w*|relax\\w*|revers\\w*|u-turns?|dropp(?:ed|ing)"
              + "|rescind\\w*|restart\\w*|resum\\w*|rolled back|walk\\w* back|(?:issued|grant\\w*"
              + "|approv\\w*)[\\w\\s]{0,25}licen[cs]es?|allow\\w* (?:the )?(?:sales?|exports?|shipments?))\\b");
  private static final Pattern LISTING =
      Pattern.compile("\\b(?:entity list|the list|ban on|against)\\b");

  /** "adds X to the Entity List", "puts X on the Entity List": X is listed though named first. */
  private static final Pattern LISTED =
      Pattern.compile(
          "\\b(?:add(?:s|ed|ing)?|put(?:s|ting)?|plac(?:e|es|ed|ing)|nam(?:e|es|ed|ing)|includ\\w*"
              + "|blacklist\\w*)\\b[^.;]{0,60}\\b(?:to|on) (?:the |its |an? |us )?(?:entity list"
              + "|trade blacklist|blacklist)");

  private static final Map<String, Pattern> TARGETS =
      Map.of(
          "China", Pattern.compile("\\b(?:china|chinese|beijing)\\b"),
          "Russia", Pattern.compile("\\brussia\\w*"),
          "Iran", Pattern.compile("\\biran\\w*"),
          "Malaysia", Pattern.compile("\\bmalaysia\\w*"),
          "Thailand", Pattern.compile("\\bthai\\w*"));
  private static final List<String> TARGET_ORDER =
      List.of("Malaysia", "Thailand", "Russia", "Iran", "China");

  /** Named kinds of controlled technology, longest first ("chipmaking equipment", "AI chips"). */
  private static final Pattern ITEM =
      Pattern.compile(
          "\\b(?:(?:semiconductor|chip)[- ]?(?:making|manufacturing|production)"
              + "(?: equipment| tools| machines| machinery| gear| technolog(?:y|ies))"
              + "|(?:advanced |EUV |DUV )?lithography (?:machines|systems|tools|equipment)"
              + "|(?:AI |frontier |advanced )?model weights|weights of (?:advanced |frontier )?(?:AI )?models"
              + "|high[- ]bandwidth memory(?: \\(HBM\\))?(?: chips)?|HBM(?: chips)?"
              + "|(?:(?:most |more )?(?:advanced|high-end|higher-end|cutting-edge|leading-edge"
              + "|high-performance|sophisticated|top-end|powerful) )(?-i:[A-Z][A-Za-z]+ )?"
              + "(?:(?:AI|artificial intelligence(?: \\(AI\\))?|computing|data[- ]cent(?:er|re)) )?"
              + "(?:chip technology|computing chips|chips?|semiconductors|GPUs|graphics processors"
              + "|processors|accelerators)"
              + "|(?:AI|artificial intelligence(?: \\(AI\\))?) (?:chips?|semiconductors|GPUs"
              + "|processors|accelerators))\\b",
          Pattern.CASE_INSENSITIVE);

  /** Accelerator model names: a letter or two and digits ("H20", "A100", "B30A", "MI308X"). */
  private static final Pattern MODEL =
      Pattern.compile(
          "\\b(?!(?:G|FY|CO|COP|Q|PS|SB|HB|HR|AB|S|UK|US)\\d)(?:[A-Z]{1,2}\\d{2,4}[A-Z]{0,2}"
              + "|(?:Ascend|Blackwell|Hopper|Gaudi|Instinct)(?: \\d{3}[A-Z]?)?)\\b(?![-%])");

  /** Bare kinds, read only when nothing more specific is named. */
  private static final Pattern BARE_ITEM =
      Pattern.compile("\\b(?:semiconductors?|chips?|GPUs)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern ABBREVIATION = Pattern.compile("\\b(?:u\\.s|u\\.k|u\\.n)\\.");

  /**
   * Words at least one of which every match of STRONG, GRANTED, BILL and HURTS contains: a sentence
   * with none of them cannot be an export control, so the costly patterns (and the authority
   * lookup) are not run on it. Keep in step with those patterns.
   */
  private static final Pattern ANY_CUE_WORD =
      Pattern.compile(
          "export|control|curb|restrict|limit|ban|rule|bar|block|halt|stop|tighten|entity list"
              + "|bureau of industry|licen|require|approv|permission|permit|waiver|go-ahead"
              + "|green light|cleared|allowed|authori|bill|legislation|sanction");

  private final Set<String> foreignCompanies;

  /**
   * @param foreignCompanies companies that are typical targets of controls (Chinese AI firms)
   */
  ExportControlCues(Set<String> foreignCompanies) {
    this.foreignCompanies = Set.copyOf(foreignCompanies);
  }

  @Override
  public EventType type() {
    return EventType.EXPORT_CONTROL;
  }

  @Override
  public List<DetectedEvent> detect(SentenceContext s) {
    if (!ANY_CUE_WORD.matcher(s.lower()).find()) {
      return List.of();
    }
    Optional<String> authority = Authorities.of(s.text());
    boolean granted = has(s, GRANTED);
    boolean strong =
        (has(s, STRONG) || granted || has(s, BILL)) && (s.hasAnchor() || authority.isPresent());
    boolean hurts = has(s, HURTS) && s.hasAnchor();
    if (!strong && !hurts || has(s, CALLS) && !s.lower().contains("bill")) {
      return List.of();
    }
    EventBuilder event =
        new EventBuilder(EventType.EXPORT_CONTROL, s)
            .relaxed(granted || has(s, RELAXED))
            .cues(strong ? 2 : 1);
    authority.ifPresent(a -> event.fact("authority", a));
    target(s).ifPresent(t -> event.fact("target", t));
    event.list("items", items(s));
    targetCompany(s).ifPresent(event::company);
    s.anchors().forEach(m -> event.company(m.company()));
    return List.of(event.build());
  }

  /**
   * Whether the pattern is found in the sentence, with the dots of "U.S.", "U.K." and "U.N." read
   * as letters rather than as sentence ends, so that "a curb the U.S. had placed on" holds.
   */
  private static boolean has(SentenceContext s, Pattern p) {
    String text = ABBREVIATION.matcher(s.lower()).replaceAll(m -> m.group().replace('.', '_'));
    return p.matcher(text).find();
  }

  private Optional<String> target(SentenceContext s) {
    Optional<String> company = targetCompany(s);
    if (company.isPresent()) {
      return company;
    }
    List<String> places = new ArrayList<>();
    for (String place : TARGET_ORDER) {
      if (TARGETS.get(place).matcher(s.lower()).find()) {
        places.add(place);
      }
    }
    if (places.size() > 1 && places.contains("China") && s.lower().contains("re-export")) {
      places.remove("China");
    }
    return places.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", places));
  }

  /** What is controlled: accelerator models (with their maker when named before), then kinds. */
  static List<String> items(SentenceContext s) {
    Set<String> items = new LinkedHashSet<>();
    Matcher model = MODEL.matcher(s.text());
    while (model.find()) {
      items.add(maker(s, model.start()) + model.group());
    }
    Matcher kind = ITEM.matcher(s.text());
    while (kind.find()) {
      items.add(kind.group());
    }
    if (items.isEmpty()) {
      Matcher bare = BARE_ITEM.matcher(s.text());
      if (bare.find()) {
        String b = bare.group();
        items.add(b.endsWith("s") ? b : b + "s");
      }
    }
    return List.copyOf(items);
  }

  /** "Nvidia " when the model name follows "Nvidia", "Nvidia's" or "Nvidia’s". */
  private static String maker(SentenceContext s, int at) {
    for (CompanyMention m : s.mentions()) {
      int end = m.end() - s.sentence().start();
      if (s.offset(m) >= 0 && end <= at) {
        String gap = s.text().substring(end, at);
        if (gap.matches("(?:['’]s)?\\s+(?:[A-Za-z]+\\s+)?")) {
          return m.company() + " ";
        }
      }
    }
    return "";
  }

  private Optional<String> targetCompany(SentenceContext s) {
    Set<String> named = new LinkedHashSet<>();
    Matcher listing = LISTING.matcher(s.lower());
    int from = listing.find() ? listing.start() : 0;
    s.mentions().stream()
        .filter(m -> s.offset(m) >= from && foreignCompanies.contains(m.company()))
        .forEach(m -> named.add(m.company()));
    if (named.isEmpty() && has(s, LISTED)) {
      s.mentions().stream()
          .filter(m -> foreignCompanies.contains(m.company()))
          .forEach(m -> named.add(m.company()));
    }
    return named.stream().findFirst();
  }
}
