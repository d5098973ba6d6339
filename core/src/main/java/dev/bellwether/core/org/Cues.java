package dev.bellwether.core.org;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Weighs the words in and around a candidate: keywords in the name, what the words before or an
 * appositive after call it ("AI startup X", "X, the venture capital firm"), and whether it is an
 * investor in a round ("led by X"). What events it takes part in is {@code EventCues}' to say.
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
              + " scaleup scale-up fintech group");

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
              + " supplier developer outfit venture group");

  /** Modifiers of finance and law, which make a flexible head an investor's or adviser's. */
  private static final Set<String> FINANCE_MODIFIERS =
      Lexicon.words(
          "venture capital investment equity hedge private law legal asset wealth sovereign"
              + " consulting accounting financial finance insurance banking trading brokerage");

  /** Modifiers that keep a flexible head a technology company ("car-technology company"). */
  private static final Set<String> TECH_MODIFIERS =
      Lexicon.words(
          "ai tech technology software chip chips semiconductor cloud internet online digital"
              + " data cybersecurity security robotics computing app apps platform e-commerce"
              + " delivery ride-hailing streaming networking telecom telecoms electronics");

  /** Modifiers that make a flexible head something other than a technology company. */
  private static final Set<String> NON_TECH_MODIFIERS =
      Lexicon.words(
          "venture capital investment equity hedge private law legal asset wealth sovereign"
              + " consulting accounting financial finance insurance pharmaceutical pharma drug oil"
              + " gas mining steel food beverage retail fashion luxury tobacco airline shipping"
              + " property estate vehicle vehicles car cars auto automotive ev media publishing"
              + " entertainment chemical chemicals construction banking trading brokerage"
              + " advertising apparel cosmetics beauty toy sports grocery restaurant hotel travel"
              + " agricultural textile cement utility petroleum lobby advocacy rights industry trade"
              + " campaign activist hacker hacking criminal");

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
      Lexicon.words("including include includes included like as");

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

  /** What the words before {@code tokens[from]} say: an investor, or what the text calls it. */
  Evidence fromWordsBefore(int from) {
    return isInvestor(from) ? Evidence.OTHER_CONTEXT : calledBefore(from);
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

  /**
   * The kind a head and its modifiers give: finance or law first ("technology investment firm"),
   * then technology ("legal AI company"), then other trades ("electric-vehicle maker").
   */
  private static Evidence kindOf(String head, List<String> modifiers) {
    if (OTHER_HEADS.contains(head)) {
      return Evidence.OTHER_CONTEXT;
    }
    if (!FLEXIBLE_HEADS.contains(head)
        || !hasAny(modifiers, FINANCE_MODIFIERS)
            && (hasAny(modifiers, TECH_MODIFIERS) || !hasAny(modifiers, NON_TECH_MODIFIERS))) {
      return Evidence.TECH_CONTEXT;
    }
    return Evidence.OTHER_CONTEXT;
  }

  private static boolean hasAny(List<String> words, Set<String> set) {
    for (String w : words) {
      if (set.contains(w)) {
        return true;
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

  /**
   * The word and, for a compound, its last part, which says what it is ("electric-vehicle": also
   * "vehicle"; "food-delivery": "delivery", a platform, not food; "legal-AI": "AI").
   */
  private static void addParts(List<String> out, String word) {
    if (word.isEmpty()) {
      return;
    }
    int dash = word.lastIndexOf('-');
    out.add(dash > 0 ? word.substring(dash + 1) : word);
    if (dash > 0 && TECH_MODIFIERS.contains(word)) {
      out.add(word);
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
