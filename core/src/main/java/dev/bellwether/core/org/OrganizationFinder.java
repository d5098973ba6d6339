package dev.bellwether.core.org;

import dev.bellwether.core.org.OrgMention.Kind;
import dev.bellwether.core.tagging.CompanyMention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds organizations that the company knowledge base does not know. Runs of capitalized words are
 * cut into candidate names that are no place, person, date, product or stop word ({@code
 * Segmenter}), and each is weighed by what its words and the words around it say ({@code Cues}). A
 * name is returned only with evidence: a keyword ("Labs", "Ventures", "Ministry"), a well-known
 * organization outside technology, what the text calls it ("AI startup X", "X, the venture firm"),
 * or an event it takes part in ("X raised", "to buy X"); evidence for a name anywhere in a text
 * holds for all its mentions there. Precision comes first: a name with no evidence is left out.
 *
 * <p>The text is read in one pass into words, with lookups in hash sets; the cost grows with the
 * length of the text. Immutable and safe to share between threads.
 */
public final class OrganizationFinder {
  private final Lexicon lex;

  private OrganizationFinder(Lexicon lex) {
    this.lex = lex;
  }

  /** The finder with the word lists shipped with Bellwether. */
  public static OrganizationFinder builtIn() {
    return BuiltIn.FINDER;
  }

  private static final class BuiltIn {
    static final OrganizationFinder FINDER = new OrganizationFinder(Lexicon.builtIn());
  }

  /**
   * The organizations named in {@code text} beyond those already found, in text order.
   *
   * @param known mentions of companies the knowledge base knows: their words are skipped and never
   *     returned, nor names that merely continue them ("Samsung Electronics")
   */
  public List<OrgMention> find(String text, List<CompanyMention> known) {
    Objects.requireNonNull(text, "text");
    List<CompanyMention> sorted = new ArrayList<>(known);
    sorted.sort(Comparator.comparingInt(CompanyMention::start));
    List<Token> tokens = Tokenizer.tokens(text, sorted);
    Segmenter.Result segments = Segmenter.segment(text, tokens, lex);
    Cues cues = new Cues(text, tokens);
    EventCues events = new EventCues(tokens);
    List<Candidate> candidates = preferWholeRuns(segments, cues, events);
    Evidence[] evidence = weigh(tokens, candidates, cues, events, segments.surnames());
    Map<String, Evidence> byName = new HashMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      byName.merge(candidates.get(i).name(), evidence[i], Evidence::or);
    }
    List<OrgMention> found = new ArrayList<>();
    for (Candidate c : candidates) {
      Evidence e = byName.get(c.name());
      if (e.found()) {
        found.add(mention(text, tokens, c.from(), c.end(), c.name(), e.kind()));
      } else if (c.title()) {
        addKnownParts(text, tokens, c, byName, found);
      }
    }
    return found;
  }

  /**
   * The candidates, with a run that common words cut into pieces taken whole when it takes part in
   * an event or the text says what it is: "Light Year", not "Light", in "Meituan is acquiring Light
   * Year" and "AI start-up Light Year".
   */
  private static List<Candidate> preferWholeRuns(
      Segmenter.Result segments, Cues cues, EventCues events) {
    List<Candidate> candidates = segments.candidates();
    for (Candidate whole : segments.wholeRuns()) {
      if (!isActing(whole, events) && !cues.fromContext(whole).found()) {
        continue;
      }
      List<Candidate> kept = new ArrayList<>(candidates.size());
      boolean added = false;
      for (Candidate c : candidates) {
        if (!added && c.from() >= whole.from()) {
          kept.add(whole);
          added = true;
        }
        if (!c.within(whole)) {
          kept.add(c);
        }
      }
      if (!added) {
        kept.add(whole);
      }
      candidates = kept;
    }
    return candidates;
  }

  /** The evidence for each candidate, from the candidate and the words around it. */
  private Evidence[] weigh(
      List<Token> tokens,
      List<Candidate> candidates,
      Cues cues,
      EventCues events,
      Set<String> surnames) {
    Evidence[] evidence = new Evidence[candidates.size()];
    Evidence context = Evidence.NONE; // of the candidate before, for lists ("A, B and C")
    Set<String> lowerWords = null;
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      if (!c.listed() && cues.modifiesAHead(c)) {
        evidence[i] = Evidence.NONE;
        context = Evidence.NONE;
        continue;
      }
      Evidence around = cues.fromContext(c);
      if (!around.found() && events.isActedOn(c)) {
        around = Evidence.EVENT;
      }
      if (!around.found() && i > 0 && isListedWith(tokens, candidates.get(i - 1), c)) {
        around = context; // "bought A, B and C", "led by A, B and C"
      }
      if (!around.found()) {
        around = fromListOpening(tokens, c, cues, events); // "AI companies Known, C and D"
      }
      context = around;
      Evidence e = cues.fromName(c).or(around);
      if (!e.found() && events.actsInEvent(c)) {
        e = Evidence.EVENT;
      }
      if (c.acronym() && !isActing(c, events)) {
        e = Evidence.NONE; // "GPU", "CEO": a short acronym is a name only when it acts
      }
      if (e.fromContext() && (cues.isPerson(c) || isSurname(tokens, c, surnames))) {
        e = Evidence.NONE;
      }
      if (e.fromContext() && startsSentenceAlone(tokens, c)) {
        lowerWords = lowerWords == null ? lowerCaseWords(tokens) : lowerWords;
        e = lowerWords.contains(c.name().toLowerCase(Locale.ROOT)) ? Evidence.NONE : e;
      }
      evidence[i] = e;
    }
    return evidence;
  }

  /**
   * What the words before a list say of its names, for a name in the list after known companies
   * ("AI companies SenseTime, Megvii and Yitu", "blacklisted Huawei, SMIC and Phytium").
   */
  private static Evidence fromListOpening(
      List<Token> tokens, Candidate c, Cues cues, EventCues events) {
    int start = listStart(tokens, c.from());
    if (start == c.from() || !hasKnown(tokens, start, c.from()) || !inList(tokens, c)) {
      return Evidence.NONE;
    }
    Evidence before = cues.fromWordsBefore(start);
    return before.found() || !events.isActedOnAt(start, c.end()) ? before : Evidence.EVENT;
  }

  private static boolean hasKnown(List<Token> tokens, int from, int to) {
    for (int k = from; k < to; k++) {
      if (tokens.get(k).is(Token.KNOWN)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the name is an item of a list, not a clause after one ("in X, Reuters reported"): "and"
   * or "or" before it, or a comma, "and" or "or" after it.
   */
  private static boolean inList(List<Token> tokens, Candidate c) {
    String before = c.from() > 0 ? tokens.get(c.from() - 1).text() : "";
    if (before.equals("and") || before.equals("or")) {
      return true;
    }
    if (c.end() >= tokens.size()) {
      return false;
    }
    Token after = tokens.get(c.end());
    return after.gap() == Token.Gap.COMMA
        || after.text().equals("and") && after.joinsPrevious()
        || after.text().equals("or") && after.joinsPrevious();
  }

  /** Where the list of capitalized names that ends with the name at {@code from} starts. */
  private static int listStart(List<Token> tokens, int from) {
    int start = from;
    for (int items = 0; items < 8; items++) {
      int previous = previousItemEnd(tokens, start);
      if (previous < 0) {
        break;
      }
      int k = previous;
      while (k > 0
          && tokens.get(k).joinsPrevious()
          && tokens.get(k - 1).capitalized()
          && tokens.get(k - 1).openEnded()) {
        k--;
      }
      start = k;
    }
    return start;
  }

  /** The last word of the list item before the item at {@code k}: after ",", "and" or "or". */
  private static int previousItemEnd(List<Token> tokens, int k) {
    Token t = tokens.get(k);
    int end = -1;
    if (t.gap() == Token.Gap.COMMA) {
      end = k - 1;
    } else if (k >= 2 && t.joinsPrevious()) {
      Token and = tokens.get(k - 1);
      boolean conjunction = and.text().equals("and") || and.text().equals("or");
      end = conjunction && and.gap() != Token.Gap.BREAK ? k - 2 : -1;
    }
    return end >= 0 && tokens.get(end).capitalized() && tokens.get(end).openEnded() ? end : -1;
  }

  private static boolean isActing(Candidate c, EventCues events) {
    return events.actsInEvent(c) || events.isActedOn(c);
  }

  /**
   * Whether {@code c} follows {@code before} in a list: only a comma, "and" or "or" between them.
   */
  private static boolean isListedWith(List<Token> tokens, Candidate before, Candidate c) {
    int gap = c.from() - before.end();
    Token first = tokens.get(c.from());
    if (gap == 0) {
      return first.gap() == Token.Gap.COMMA
          && tokens.get(before.end() - 1).openEnded()
          && inList(tokens, c); // not "into X, Reuters reported"
    }
    if (gap != 1) {
      return false;
    }
    String word = tokens.get(before.end()).text();
    return (word.equals("and") || word.equals("or")) && first.joinsPrevious();
  }

  /**
   * Whether the name is the family name of a person, named in full elsewhere in the text or often
   * named alone in the news, maybe after initials ("X. Musk").
   */
  private boolean isSurname(List<Token> tokens, Candidate c, Set<String> surnames) {
    for (int k = c.from(); k < c.to() - 1; k++) {
      String word = tokens.get(k).text();
      if (!(word.length() == 2 && word.endsWith("."))) {
        return false;
      }
    }
    String last = tokens.get(c.to() - 1).text();
    return surnames.contains(last) || lex.familyNames.contains(last);
  }

  /** A lone word opening a sentence: a capital there may just be a common word's. */
  private static boolean startsSentenceAlone(List<Token> tokens, Candidate c) {
    return c.to() - c.from() == 1 && tokens.get(c.from()).is(Token.SENTENCE_START);
  }

  private static Set<String> lowerCaseWords(List<Token> tokens) {
    Set<String> words = new HashSet<>();
    for (Token t : tokens) {
      if (Character.isLowerCase(t.text().charAt(0)) && !t.is(Token.CAMEL)) {
        words.add(t.text());
      }
    }
    return words;
  }

  /**
   * In a title-case sentence, the longest parts of a candidate without evidence that are names
   * found with evidence elsewhere ("Moore Threads" in "Moore Threads Files For IPO").
   */
  private static void addKnownParts(
      String text,
      List<Token> tokens,
      Candidate c,
      Map<String, Evidence> byName,
      List<OrgMention> found) {
    int from = c.from();
    while (from < c.to()) {
      int to = c.to();
      Evidence e = Evidence.NONE;
      for (; to > from; to--) {
        e = byName.getOrDefault(PhraseSet.words(tokens, from, to), Evidence.NONE);
        if (e.found()) {
          break;
        }
      }
      if (e.found()) {
        found.add(mention(text, tokens, from, to, PhraseSet.words(tokens, from, to), e.kind()));
        from = to;
      } else {
        from++;
      }
    }
  }

  private static OrgMention mention(
      String text, List<Token> tokens, int from, int end, String name, Kind kind) {
    int start = tokens.get(from).start();
    int stop = tokens.get(end - 1).end();
    return new OrgMention(name, text.substring(start, stop), start, stop, kind);
  }

  /**
   * Whether a capitalized name read some other way (a name after "acquire", say) is surely not an
   * organization: a place, a nationality, a weekday or month, a person's given or family name, or a
   * word that starts sentences ("The", "Shares").
   */
  public boolean notAnOrganization(String name) {
    String n = name.strip();
    if (n.isEmpty()) {
      return true;
    }
    String first = n.split("\\s+")[0];
    return lex.places.contains(n)
        || lex.demonyms.contains(n)
        || lex.calendar.contains(n)
        || lex.calendar.contains(first)
        || lex.givenNames.contains(first) && n.contains(" ") && !Lexicon.isOrgWord(last(n))
        || lex.familyNames.contains(n)
        || lex.givenNames.contains(n)
        || lex.boundary.contains(n)
        || lex.generic.contains(n)
        || lex.titles.contains(n);
  }

  /**
   * Whether an organization is a public body or a news outlet (a ministry, regulator, court,
   * legislature, stock exchange or newspaper): a party to a deal or the authority of a control, but
   * never the company that raises, buys or is bought.
   */
  public static boolean isPublicBodyOrMedia(String name) {
    return PUBLIC_BODY.matcher(name).find() || isNewsOutlet(name);
  }

  /** Whether an organization is a news outlet, which reports events and is never party to them. */
  public static boolean isNewsOutlet(String name) {
    return NEWS_OUTLET.matcher(name).find();
  }

  private static final Pattern PUBLIC_BODY =
      Pattern.compile(
          "\\b(?:Department|Ministry|Commission|Authority|Agency|Bureau|Administration|Council"
              + "|Parliament|Congress|Senate|House|Government|Office|Court|Tribunal|Treasury"
              + "|Committee|Regulator|Regulation|Regulations|Act|Rule|Exchange|Pentagon|Navy|Army"
              + "|Police|FTC|SEC|DOJ|BIS|CMA|SAMR|MIIT|MOFCOM|CAC|NDRC|White House|Commerce"
              + "|Nasdaq|NYSE|HKEX|STAR Market|Federal|State Council|European Union|EU|Kremlin"
              + "|Cabinet)\\b");

  private static final Pattern NEWS_OUTLET =
      Pattern.compile(
          "\\b(?:Reuters|Bloomberg|CNBC|Nikkei|Xinhua|Caixin|Times|Journal|Post|News|Press"
              + "|Herald|Tribune|Gazette|Daily|Weekly|Telegraph|Guardian|Economist|Forbes"
              + "|Fortune|TechCrunch|Verge|Wired|Axios|Information|Insider|Associated Press"
              + "|AFP)\\b");

  private static String last(String name) {
    String[] words = name.split("\\s+");
    return words[words.length - 1];
  }
}
