package dev.bellwether.core.org;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Weighs the words in and around a candidate: keywords in the name, what the words before or an
 * appositive after call it ("AI startup X", "X, the venture capital firm"), whether it is an
 * investor in a round ("led by X"), and whether it raises, buys, is bought or partners.
 */
final class Cues {
  /** What an organization is called when it is a technology company (its kind may yet change). */
  private static final Set<String> TECH_HEADS =
      Lexicon.words(
          "startup startups start-up start-ups company companies firm chipmaker chipmakers"
              + " developer developers maker makers lab labs laboratory platform unicorn unicorns"
              + " decacorn provider designer supplier rival rivals competitor challenger upstart"
              + " spinoff spin-off subsidiary unit manufacturer foundry vendor giant outfit"
              + " operator specialist heavyweight powerhouse venture business hyperscaler neocloud"
              + " scaleup scale-up fintech");

  /** What an organization is called when it is an investor, a public body, a school or media. */
  private static final Set<String> OTHER_HEADS =
      Lexicon.words(
          "investor investors backer backers fund funds bank banks lender insurer regulator"
              + " regulators agency ministry watchdog newspaper outlet publication broadcaster"
              + " newswire magazine university school institute automaker carmaker retailer"
              + " brokerage consultancy exchange government authority department commission"
              + " nonprofit non-profit charity think-tank conglomerate manager");

  /** Heads whose kind their modifiers decide: a "law firm", an "electric-vehicle maker". */
  private static final Set<String> FLEXIBLE_HEADS =
      Lexicon.words(
          "company companies firm maker makers manufacturer giant business operator provider"
              + " supplier developer outfit venture");

  /** Modifiers that make a flexible head something other than a technology company. */
  private static final Set<String> NON_TECH_MODIFIERS =
      Lexicon.words(
          "venture capital investment equity hedge private law legal asset wealth sovereign"
              + " consulting accounting financial finance insurance pharmaceutical pharma drug oil"
              + " gas mining steel food beverage retail fashion luxury tobacco airline shipping"
              + " property estate vehicle vehicles car cars auto automotive ev media publishing"
              + " entertainment chemical chemicals construction banking trading brokerage"
              + " advertising apparel cosmetics beauty toy sports grocery restaurant hotel travel"
              + " agricultural textile cement utility petroleum");

  /** Verbs after which the organization before them raised, bought, invested or partnered. */
  private static final Set<String> EVENT_AFTER =
      Lexicon.words(
          "raise raises raised raising secures secured securing lands landed nabs bags nets"
              + " acquire acquires acquired acquiring buy buys bought buying purchase purchases"
              + " purchased invest invests invested investing partner partners partnered partnering"
              + " teams teamed merge merges merged backs backed");

  /** Words that may stand between an organization and its event verb ("X has agreed to buy"). */
  private static final Set<String> AUX_AFTER =
      Lexicon.words(
          "has have had is was were are will would could may might be been being also just"
              + " recently reportedly previously already finally officially quietly now earlier"
              + " agreed agrees to plans planned plan set expected in talks which that it on last"
              + " this week month year today");

  /** Nouns after an organization's possessive that show it raises or deals ("X's funding"). */
  private static final Set<String> EVENT_AFTER_POSSESSIVE =
      Lexicon.words(
          "funding fundraise fundraising acquisition takeover purchase investment partnership"
              + " merger ipo listing round valuation deal backers investors series");

  /** Words before an organization that it is bought, invested in or partnered with. */
  private static final Set<String> EVENT_BEFORE =
      Lexicon.words(
          "acquire acquires acquired acquiring acquisition buy buys bought buying purchase"
              + " purchased purchasing invest invests invested investing investment investments"
              + " stake backed back backs backing funded partner partners partnered partnering"
              + " partnership team teams teamed merge merged merger merging takeover");

  /** Words that may stand between such a word and the organization ("invested in the"). */
  private static final Set<String> SKIP_BEFORE =
      Lexicon.words("in with by up the a an of to into its their minority majority");

  /** Two words before a name that make it an investor in a round ("led by X"). */
  private static final Set<String> INVESTOR_PAIRS =
      Set.of(
          "led by",
          "co-led by",
          "backed by",
          "funded by",
          "financed by",
          "participation from",
          "investment from",
          "investments from",
          "money from",
          "capital from",
          "commitments from");

  /** Words before a list of investors, a few words after what they are ("investors including"). */
  private static final Set<String> LIST_INTRODUCERS =
      Set.of("including", "include", "includes", "included", "like", "as");

  private static final Set<String> INVESTOR_NOUNS =
      Lexicon.words("investors backers investor funds firms vcs shareholders");

  private static final Set<String> ARTICLES = Set.of("a", "an", "the", "another", "one");

  /** Words that end an appositive's noun phrase ("X, a startup based in ..."). */
  private static final Set<String> APPOSITIVE_STOPS =
      Lexicon.words(
          "which that who whose with to and or in for from at on by said says has have had is"
              + " was will would");

  private static final Set<String> PERSON_PRONOUNS = Set.of("who", "whom", "whose");

  /** Lower-case words before a person's name ("analyst Toshiya Hari", "founder Jane Doe"). */
  private static final Set<String> PERSON_TITLES =
      Lexicon.words(
          "analyst analysts ceo cfo cto coo founder co-founder cofounder chairman chairwoman"
              + " president spokesperson spokesman spokeswoman executive director secretary"
              + " minister senator lawmaker professor researcher scientist engineer reporter editor"
              + " journalist economist lawyer attorney billionaire entrepreneur commissioner"
              + " ambassador adviser advisor official boss chief head mr mrs ms dr");

  private final String text;
  private final List<Token> tokens;

  Cues(String text, List<Token> tokens) {
    this.text = text;
    this.tokens = tokens;
  }

  /** What the name itself says: a listed organization, or a keyword of either kind. */
  Evidence fromName(Candidate c) {
    if (c.listed()) {
      return Evidence.LISTED;
    }
    for (int k = c.from(); k < c.to(); k++) {
      if (Lexicon.OTHER_KEYWORDS.contains(tokens.get(k).text())
          && (!c.title() || k == c.to() - 1 || isConnector(k + 1))) {
        return Evidence.OTHER_NAME;
      }
    }
    String last = tokens.get(c.to() - 1).text();
    return Lexicon.TECH_KEYWORDS.contains(last) ? Evidence.TECH_NAME : Evidence.NONE;
  }

  /** What the words around say: an investor in a round, or what the text calls it. */
  Evidence fromContext(Candidate c) {
    if (isInvestor(c.from())) {
      return Evidence.OTHER_CONTEXT;
    }
    Evidence before = calledBefore(c.from());
    return before.found() ? before : calledAfter(c);
  }

  /**
   * Whether the words around say the name is a person's: "who" after it ("Foo, who founded"), a
   * person's title before it ("analyst Toshiya Hari").
   */
  boolean isPerson(Candidate c) {
    boolean who =
        c.end() < tokens.size()
            && tokens.get(c.end()).gap() != Token.Gap.BREAK
            && PERSON_PRONOUNS.contains(tokens.get(c.end()).lower());
    return who || PERSON_TITLES.contains(wordBefore(c.from(), 1));
  }

  private boolean isInvestor(int from) {
    String one = wordBefore(from, 1);
    String two = wordBefore(from, 2);
    if (INVESTOR_PAIRS.contains(two + " " + one)) {
      return true;
    }
    if (!LIST_INTRODUCERS.contains(one) || one.equals("as") && !two.equals("such")) {
      return false;
    }
    for (int back = 2; back <= 5; back++) {
      if (INVESTOR_NOUNS.contains(wordBefore(from, back))) {
        return true;
      }
    }
    return false;
  }

  /** "AI startup X", "venture firm X", "Chinese EV maker X". */
  private Evidence calledBefore(int from) {
    String head = wordBefore(from, 1);
    if (!TECH_HEADS.contains(head) && !OTHER_HEADS.contains(head)) {
      return Evidence.NONE;
    }
    List<String> modifiers = new ArrayList<>();
    for (int back = 2; back <= 3; back++) {
      addParts(modifiers, wordBefore(from, back));
    }
    return kindOf(head, modifiers);
  }

  /** "X, a Tokyo-based startup", "X (NYSE: X), the venture capital firm". */
  private Evidence calledAfter(Candidate c) {
    int k = afterParenthesis(c.end());
    boolean comma = k > c.end() || k < tokens.size() && tokens.get(k).gap() == Token.Gap.COMMA;
    if (k >= tokens.size()
        || !comma
        || !tokens.get(c.end() - 1).openEnded()
        || !opensAppositive(tokens.get(k))) {
      return Evidence.NONE;
    }
    String head = "";
    List<String> modifiers = new ArrayList<>();
    for (int j = k + 1; j < Math.min(tokens.size(), k + 9); j++) {
      Token t = tokens.get(j);
      String word = withSuffix(t);
      if (!t.joinsPrevious() || APPOSITIVE_STOPS.contains(word)) {
        break;
      }
      if (TECH_HEADS.contains(word) || OTHER_HEADS.contains(word)) {
        if (!head.isEmpty()) {
          modifiers.add(head);
        }
        head = word;
      } else {
        addParts(modifiers, word);
      }
      if (!t.openEnded()) {
        break;
      }
    }
    return head.isEmpty() ? Evidence.NONE : kindOf(head, modifiers);
  }

  /**
   * The word after a parenthesis that opens right at {@code k} and is closed by "),", within a few
   * words ("Nio (NYSE: NIO), the carmaker"); {@code k} itself when there is none.
   */
  private int afterParenthesis(int k) {
    if (k >= tokens.size() || !gapText(k).strip().equals("(")) {
      return k;
    }
    for (int j = k + 1; j < Math.min(tokens.size(), k + 6); j++) {
      String gap = gapText(j);
      if (gap.indexOf(')') >= 0) {
        return gap.replace(" ", "").equals("),") ? j : k;
      }
    }
    return k;
  }

  /** The text between a word and the word before it. */
  private String gapText(int k) {
    return k == 0 ? "" : text.substring(tokens.get(k - 1).end(), tokens.get(k).start());
  }

  /** An article ("X, a startup") or a place's possessive ("X, Europe's largest startup"). */
  private static boolean opensAppositive(Token t) {
    return ARTICLES.contains(t.lower()) || t.is(Token.CAP) && t.is(Token.POSSESSIVE);
  }

  /**
   * Whether what the text calls an organization follows the name, which then only modifies it:
   * "Legal AI" in "Legal AI startup Harvey", "Abu Dhabi AI" in "the Abu Dhabi AI group".
   */
  boolean modifiesAHead(Candidate c) {
    if (c.end() >= tokens.size() || !tokens.get(c.end()).joinsPrevious()) {
      return false;
    }
    String next = withSuffix(tokens.get(c.end()));
    return TECH_HEADS.contains(next) || OTHER_HEADS.contains(next);
  }

  private static Evidence kindOf(String head, List<String> modifiers) {
    if (OTHER_HEADS.contains(head)) {
      return Evidence.OTHER_CONTEXT;
    }
    if (FLEXIBLE_HEADS.contains(head)) {
      for (String m : modifiers) {
        if (NON_TECH_MODIFIERS.contains(m)) {
          return Evidence.OTHER_CONTEXT;
        }
      }
    }
    return Evidence.TECH_CONTEXT;
  }

  /**
   * Whether it raises, buys, invests or partners ("X raised", "X has agreed to buy", "X-backed"),
   * or its possessive names such a deal ("X's funding round").
   */
  boolean actsInEvent(Candidate c) {
    Token last = tokens.get(c.to() - 1);
    if (last.suffix().equals("backed") || tokens.get(c.end() - 1).suffix().equals("backed")) {
      return true; // "X-backed": X is an investor in something
    }
    int sentence = last.sentence();
    boolean possessive = tokens.get(c.end() - 1).is(Token.POSSESSIVE);
    for (int k = c.end(); k < Math.min(tokens.size(), c.end() + 6); k++) {
      Token t = tokens.get(k);
      String word = t.lower();
      boolean joined = t.joinsPrevious() || k == c.end() && t.gap() == Token.Gap.COMMA;
      if (t.sentence() != sentence || !joined) {
        return false;
      }
      if (possessive && k == c.end()) {
        return EVENT_AFTER_POSSESSIVE.contains(word);
      }
      if (EVENT_AFTER.contains(word)) {
        return true;
      }
      if (!AUX_AFTER.contains(word) || !tokens.get(k).openEnded()) {
        return false;
      }
    }
    return false;
  }

  /** Whether it is bought, invested in or partnered with ("to buy X", "Sequoia-backed X"). */
  boolean isActedOn(Candidate c) {
    int from = c.from();
    if (from > 0 && tokens.get(from - 1).suffix().equals("backed")) {
      return true; // "Sequoia-backed X"
    }
    for (int k = from - 1; k >= Math.max(0, from - 5); k--) {
      Token after = tokens.get(k + 1);
      if (!after.joinsPrevious() || !tokens.get(k).openEnded()) {
        return false;
      }
      String word = tokens.get(k).lower();
      if (EVENT_BEFORE.contains(word)) {
        return true;
      }
      if (!SKIP_BEFORE.contains(word)) {
        return false;
      }
    }
    return false;
  }

  /**
   * The word {@code back} words before {@code tokens[from]}, lower-cased with its hyphenated tail,
   * when only spaces separate them; "" otherwise.
   */
  private String wordBefore(int from, int back) {
    int k = from - back;
    if (k < 0) {
      return "";
    }
    for (int j = k + 1; j <= from; j++) {
      if (!tokens.get(j).joinsPrevious()) {
        return "";
      }
    }
    Token t = tokens.get(k);
    return t.is(Token.POSSESSIVE) && back == 1 ? "" : withSuffix(t);
  }

  private static String withSuffix(Token t) {
    return t.suffix().isEmpty() ? t.lower() : t.lower() + "-" + t.suffix();
  }

  /** The word and its hyphen-separated parts ("electric-vehicle": also "electric", "vehicle"). */
  private static void addParts(List<String> out, String word) {
    if (word.isEmpty()) {
      return;
    }
    out.add(word);
    if (word.indexOf('-') > 0) {
      out.addAll(List.of(word.split("-")));
    }
  }

  private boolean isConnector(int k) {
    if (k >= tokens.size()) {
      return false;
    }
    String word = tokens.get(k).text();
    return word.equals("of") || word.equals("for");
  }
}
