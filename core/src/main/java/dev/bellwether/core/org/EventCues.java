package dev.bellwether.core.org;

import java.util.List;
import java.util.Set;

/**
 * Reads whether a candidate takes part in a news event: it raises, buys, is bought, invests,
 * partners, lists its shares, is put on an export blacklist, or a deal is named after it. Such a
 * name acts as an organization whatever its words are.
 */
final class EventCues {
  /**
   * Verbs after which the organization before them raised, bought, invested, partnered or listed.
   */
  private static final Set<String> EVENT_AFTER =
      Lexicon.words(
          "raise raises raised raising secures secured securing lands landed nabs bags nets"
              + " acquire acquires acquired acquiring buy buys bought buying purchase purchases"
              + " purchased invest invests invested investing partner partners partnered partnering"
              + " teams teamed merge merges merged backs backed lists listed debuts debuted floats"
              + " floated absorb absorbs absorbed absorbing cooperate cooperates cooperated"
              + " collaborate collaborates collaborated allied");

  /**
   * Verbs of a listing that need an offering nearby ("files for IPO", "priced its shares",
   * "submitted a draft registration statement": a confidential filing is submitted).
   */
  private static final Set<String> OFFERING_VERBS =
      Lexicon.words("files filed filing prices priced pricing submits submitted submitting");

  /** Words that make the offering of such a verb, within a few words after it. */
  private static final Set<String> OFFERINGS =
      Lexicon.words(
          "ipo ipos listing offering shares prospectus flotation debut public s-1 f-1"
              + " registration float list");

  private static final Set<String> GO = Lexicon.words("go goes went going gone");

  /** Words that may stand between an organization and its event verb ("X has agreed to buy"). */
  private static final Set<String> AUX_AFTER =
      Lexicon.words(
          "has have had is was were are will would could may might be been being also just"
              + " recently reportedly previously already finally officially quietly now earlier"
              + " confidentially publicly"
              + " agreed agrees to plans planned plan set expected in talks which that it on last"
              + " this week month year today");

  /** Nouns after an organization's possessive that show it raises or deals ("X's funding"). */
  private static final Set<String> EVENT_AFTER_POSSESSIVE =
      Lexicon.words(
          "funding fundraise fundraising acquisition takeover purchase investment partnership"
              + " merger ipo listing round valuation deal backers investors series raise bid"
              + " offer debut offering flotation buyout");

  /** Words between a possessive and its deal ("X's last raise", "X's $14 billion takeover"). */
  private static final Set<String> POSSESSIVE_FILLER =
      Lexicon.words(
          "last latest previous first new recent planned proposed pending upcoming initial"
              + " public billion million bn m all-cash all-stock cash stock market");

  /** Verbs that close a deal when one follows ("X has closed a $9 million seed round"). */
  private static final Set<String> CLOSING_VERBS =
      Lexicon.words(
          "closed closes closing completed completes completing signed signs finalized"
              + " finalised announced announces unveiled collected gathered formed forms renewed"
              + " renews expanded expands expanding extended extends deepened deepens deepening"
              + " struck strikes inked inks");

  /** Deals that such a verb may close, within a few words after it. */
  private static final Set<String> CLOSED_DEALS =
      Lexicon.words(
          "round funding financing series seed acquisition purchase takeover investment merger"
              + " tranche extension ipo listing offering partnership alliance collaboration pact"
              + " agreement");

  /** Nouns of a deal named after a company ("the Wiz deal", "the Scale AI stake"). */
  private static final Set<String> DEAL_NOUNS =
      Lexicon.words(
          "deal acquisition purchase takeover IPO listing round stake merger buyout tie-up");

  /** Words before such a name ("the", "its $32 billion", "the proposed"). */
  private static final Set<String> BEFORE_DEAL_NAME =
      Lexicon.words(
          "the a an its their this that his her billion million trillion bn proposed planned"
              + " pending failed agreed completed blocked potential possible");

  /** Words before an organization that it is bought, invested in, partnered with or banned. */
  private static final Set<String> EVENT_BEFORE =
      Lexicon.words(
          "acquire acquires acquired acquiring acquisition buy buys bought buying purchase"
              + " purchased purchasing invest invests invested investing investment investments"
              + " stake backed back backs backing funded partner partners partnered partnering"
              + " partnership team teams teamed merge merged merger merging takeover blacklist"
              + " blacklists blacklisted blacklisting sanction sanctioned sanctioning barred"
              + " barring banned banning absorb absorbs absorbed absorbing");

  /** Verbs that put an organization on a list: it is an export-control target before "to". */
  private static final Set<String> ADD_VERBS = Lexicon.words("add adds added adding");

  private static final Set<String> LISTS = Lexicon.words("list blacklist");

  /** Words that may stand between such a word and the organization ("invested in the"). */
  private static final Set<String> SKIP_BEFORE =
      Lexicon.words("in with by up over the a an of to into its their minority majority");

  /** Verbs that take over an organization with "up" or "over" ("snapped up X", "took over X"). */
  private static final Set<String> PHRASAL_TAKES =
      Lexicon.words("snap snaps snapped snapping take takes took taking taken");

  /** Nouns of an offer made by an organization ("a takeover bid from X"). */
  private static final Set<String> OFFER_NOUNS = Lexicon.words("bid bids offer offers approach");

  /** Verbs of paying for an organization ("paid $6.9 billion for X", "spent $3 billion on X"). */
  private static final Set<String> PAY_VERBS =
      Lexicon.words("pay pays paid paying spend spends spent spending");

  private static final Set<String> SPEND_VERBS = Lexicon.words("spend spends spent spending");

  /** Verbs of putting money into an organization ("put $15 million into X"). */
  private static final Set<String> INVEST_VERBS =
      Lexicon.words(
          "invest invests invested investing investment put puts putting pour pours poured"
              + " pouring inject injects injected injecting plow plows plowed");

  /** Words of an amount between a paying verb and "for" ("more than $2 billion in cash"). */
  private static final Set<String> AMOUNT_WORDS =
      Lexicon.words(
          "billion million trillion bn m mn b more than less about roughly nearly almost around"
              + " over some up to just a an in cash stock us hk usd s another additional further"
              + " straight directly krw won yen yuan rmb eur euros inr rs crore hkd sgd");

  /** Verbs of saying, before "it" and the deal it made ("X said it had closed the takeover"). */
  private static final Set<String> SAY_VERBS =
      Lexicon.words("said says announced announces confirmed confirms disclosed");

  /** Words around a verb of saying ("said on Thursday that it", "said late on Monday"). */
  private static final Set<String> SAY_FILLER =
      Lexicon.words(
          "on late early earlier in a an its statement filing that also has had monday tuesday"
              + " wednesday thursday friday saturday sunday today yesterday evening morning");

  /** Words of a deal that what an organization said it did may name. */
  private static final Set<String> SAID_DEAL =
      Lexicon.words(
          "takeover acquisition purchase deal round funding investment partnership ipo listing"
              + " merger stake buyout agreement list float public offering registration"
              + " prospectus s-1 f-1");

  /** How many words after "said it" a deal may come. */
  private static final int SAID_REACH = 8;

  /** Moves of a share price, which name a listed company on its first day of trading. */
  private static final Set<String> MARKET_VERBS =
      Lexicon.words(
          "opened rose jumped soared surged popped climbed gained rallied fell dropped slumped"
              + " sank tumbled slid edged closed finished ended leapt rocketed rockets shot");

  /** Words that say a sentence is about a first day of trading. */
  private static final Set<String> DEBUT_WORDS =
      Lexicon.words("debut debuts debuted ipo listing flotation first-day offer issue");

  /** Words after "first" that say the same ("its first day of trading"). */
  private static final Set<String> AFTER_FIRST = Lexicon.words("day trading session");

  /** Words that open an appositive or a clause after a name and a comma. */
  private static final Set<String> CLAUSE_OPENERS = Set.of("the", "a", "an", "which");

  private final List<Token> tokens;

  EventCues(List<Token> tokens) {
    this.tokens = tokens;
  }

  /**
   * Whether it raises, buys, invests, partners or lists ("X raised", "X has agreed to buy", "X
   * files for IPO", "X-backed", "X said it had closed its takeover"), its possessive names such a
   * deal ("X's funding round"), or a deal is named after it ("the X deal").
   */
  boolean actsInEvent(Candidate c) {
    Token last = tokens.get(c.to() - 1);
    if (last.suffix().equals("backed") || tokens.get(c.end() - 1).suffix().equals("backed")) {
      return true; // "X-backed": X is an investor in something
    }
    return actsRightAfter(c) || namesADeal(c) || saysItDeals(c);
  }

  /**
   * An event verb after the name, maybe after a few auxiliaries ("X has agreed to buy"), an
   * appositive or a clause ("X, which makes chips, raised").
   */
  private boolean actsRightAfter(Candidate c) {
    int sentence = tokens.get(c.to() - 1).sentence();
    boolean possessive = tokens.get(c.end() - 1).is(Token.POSSESSIVE);
    if (possessive) {
      return possessiveDeal(c.end(), sentence);
    }
    int first = afterAppositive(c.end());
    for (int k = first; k < Math.min(tokens.size(), first + 6); k++) {
      Token t = tokens.get(k);
      String word = t.lower();
      boolean comma = k == first && t.gap() == Token.Gap.COMMA;
      boolean afterClause = first > c.end();
      if (t.sentence() != sentence || !t.joinsPrevious() && !comma) {
        return false;
      }
      if (comma && !afterClause) {
        return EVENT_AFTER.contains(word); // "X, raised": only a plain event verb
      }
      if (isEventVerb(k, word)) {
        return true;
      }
      boolean shares = k == c.end() && (word.equals("shares") || word.equals("stock"));
      if (!shares && !AUX_AFTER.contains(word) || !t.openEnded()) {
        return false;
      }
    }
    return false;
  }

  /** Whether the word at {@code k} makes its subject raise, buy, partner or list. */
  private boolean isEventVerb(int k, String word) {
    return EVENT_AFTER.contains(word)
        || OFFERING_VERBS.contains(word) && hasWordInClause(k, 8, OFFERINGS)
        || CLOSING_VERBS.contains(word) && hasWordInClause(k, 8, CLOSED_DEALS)
        || GO.contains(word) && isWord(k + 1, "public")
        || MARKET_VERBS.contains(word) && isDebut(k);
  }

  /** "X's funding", "X's last raise", "X's $14 billion all-cash takeover", "X's shares jumped". */
  private boolean possessiveDeal(int k, int sentence) {
    for (int j = k; j < Math.min(tokens.size(), k + 5); j++) {
      Token t = tokens.get(j);
      String word = t.lower();
      if (t.sentence() != sentence) {
        return false;
      }
      if (EVENT_AFTER_POSSESSIVE.contains(word)) {
        return true;
      }
      if ((word.equals("shares") || word.equals("stock")) && j + 1 < tokens.size()) {
        return MARKET_VERBS.contains(tokens.get(j + 1).lower()) && isDebut(j + 1);
      }
      if (!t.is(Token.DIGIT) && !(POSSESSIVE_FILLER.contains(word) && !t.capitalized())) {
        return false;
      }
    }
    return false;
  }

  /** Whether the sentence after a market verb at {@code k} speaks of a first day of trading. */
  private boolean isDebut(int k) {
    if (hasWordAfter(k, 12, DEBUT_WORDS)) {
      return true;
    }
    int sentence = tokens.get(k).sentence();
    for (int j = k + 1; j < Math.min(tokens.size() - 1, k + 12); j++) {
      if (tokens.get(j).sentence() != sentence) {
        return false;
      }
      if (tokens.get(j).lower().equals("first")
          && AFTER_FIRST.contains(tokens.get(j + 1).lower())) {
        return true;
      }
    }
    return false;
  }

  /** "the Wiz deal", "Intel's Mobileye purchase", "its $32 billion Wiz acquisition". */
  private boolean namesADeal(Candidate c) {
    if (c.end() >= tokens.size() || c.from() == 0 || c.title()) {
      return false;
    }
    Token next = tokens.get(c.end());
    Token before = tokens.get(c.from() - 1);
    boolean opened =
        BEFORE_DEAL_NAME.contains(before.lower())
            || before.is(Token.DIGIT)
            || before.is(Token.POSSESSIVE) && before.suffix().isEmpty();
    return next.joinsPrevious()
        && tokens.get(c.end() - 1).openEnded()
        && DEAL_NOUNS.contains(next.text())
        && tokens.get(c.from()).joinsPrevious()
        && opened;
  }

  /**
   * "X said it had closed its takeover of Y", "X, the delivery group, said on Thursday it is
   * acquiring Y": what it says it did is a deal.
   */
  private boolean saysItDeals(Candidate c) {
    int sentence = tokens.get(c.to() - 1).sentence();
    int k = afterAppositive(c.end());
    int say = -1;
    for (int limit = k + 5; k < Math.min(tokens.size(), limit); k++) {
      String word = tokens.get(k).lower();
      if (tokens.get(k).sentence() != sentence) {
        return false;
      }
      if (SAY_VERBS.contains(word)) {
        say = k;
        break;
      }
      if (!SAY_FILLER.contains(word)) {
        return false;
      }
    }
    if (say < 0) {
      return false;
    }
    for (k = say + 1; k < Math.min(tokens.size(), say + 6); k++) {
      String word = tokens.get(k).lower();
      if (tokens.get(k).sentence() != sentence) {
        return false;
      }
      if (word.equals("it")) {
        return hasDealAfter(k, sentence);
      }
      if (!SAY_FILLER.contains(word)) {
        return false;
      }
    }
    return false;
  }

  private boolean hasDealAfter(int k, int sentence) {
    for (int j = k + 1; j < Math.min(tokens.size(), k + 1 + SAID_REACH); j++) {
      String word = tokens.get(j).lower();
      if (tokens.get(j).sentence() != sentence) {
        return false;
      }
      if (EVENT_AFTER.contains(word) || SAID_DEAL.contains(word) || PAY_VERBS.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The word after an appositive or a clause that starts at {@code k} with a comma and an article
   * or "which" and ends with a comma ("X, the Chinese food-delivery group, said", "X, which makes
   * chips, raised"); {@code k} itself when there is none.
   */
  private int afterAppositive(int k) {
    if (k >= tokens.size()
        || tokens.get(k).gap() != Token.Gap.COMMA
        || !CLAUSE_OPENERS.contains(tokens.get(k).lower())) {
      return k;
    }
    for (int j = k + 1; j < Math.min(tokens.size(), k + 16); j++) {
      Token t = tokens.get(j);
      if (t.gap() == Token.Gap.COMMA) {
        return j;
      }
      if (t.gap() == Token.Gap.BREAK && t.sentence() != tokens.get(k).sentence()) {
        return k;
      }
    }
    return k;
  }

  /**
   * Whether it is bought, invested in, partnered with, blacklisted or paid for ("to buy X",
   * "Sequoia-backed X", "added X to the Entity List", "paid $6.9 billion for X").
   */
  boolean isActedOn(Candidate c) {
    return isActedOnAt(c.from(), c.end());
  }

  /** Whether the words {@code [from, end)} are acted on, as {@link #isActedOn} tells. */
  boolean isActedOnAt(int name, int end) {
    if (name > 0 && tokens.get(name - 1).suffix().equals("backed")) {
      return true; // "Sequoia-backed X"
    }
    return isObjectOfEvent(name, end) || isPaidFor(name);
  }

  private boolean isObjectOfEvent(int name, int end) {
    int from = skipOwner(name);
    if (from < name && from > 0 && tokens.get(from - 1).text().equals("by")) {
      return false; // "backed by Chengdu's X": an investor's words, not an event's
    }
    for (int k = from - 1; k >= Math.max(0, from - 5); k--) {
      Token after = tokens.get(k + 1);
      Token t = tokens.get(k);
      if (!after.joinsPrevious() || !t.openEnded() || Lexicon.isOrgWord(t.text())) {
        return false; // "Venture Partners with X": a name's word, not a verb
      }
      String word = tokens.get(k).lower();
      if (EVENT_BEFORE.contains(word)) {
        return true;
      }
      if (ADD_VERBS.contains(word)) {
        return hasWordAfter(end - 1, 12, LISTS);
      }
      if ((word.equals("up") || word.equals("over")) && k > 0) {
        return PHRASAL_TAKES.contains(tokens.get(k - 1).lower());
      }
      if (word.equals("from") && k > 0) {
        return OFFER_NOUNS.contains(tokens.get(k - 1).lower());
      }
      if (!SKIP_BEFORE.contains(word)) {
        return false;
      }
    }
    return false;
  }

  /**
   * Where the words before a name start once an owner's possessive or a home town is skipped
   * ("acquired London's Magic Pony", "put $5 million into Toronto-based X"): {@code from} when
   * there is none.
   */
  private int skipOwner(int from) {
    if (from == 0 || !tokens.get(from).joinsPrevious()) {
      return from;
    }
    Token before = tokens.get(from - 1);
    boolean owner = before.is(Token.POSSESSIVE) || before.suffix().equals("based");
    if (!owner || !before.capitalized()) {
      return from;
    }
    int k = from - 1;
    while (k > 0
        && k > from - 4
        && tokens.get(k).joinsPrevious()
        && tokens.get(k - 1).capitalized()
        && tokens.get(k - 1).openEnded()) {
      k--;
    }
    return k;
  }

  /**
   * "paid $6.9 billion for X", "the $12.5bn it paid for X", "spent $3 billion on X", "put $15
   * million into X", "invested another $50 million in X".
   */
  private boolean isPaidFor(int name) {
    int from = skipOwner(name);
    if (from < 2 || !tokens.get(from).joinsPrevious()) {
      return false;
    }
    Set<String> verbs =
        switch (tokens.get(from - 1).text()) {
          case "for" -> PAY_VERBS;
          case "on" -> SPEND_VERBS;
          case "in", "into" -> INVEST_VERBS;
          default -> Set.of();
        };
    int sentence = tokens.get(from).sentence();
    for (int k = from - 2; k >= Math.max(0, from - 10) && !verbs.isEmpty(); k--) {
      Token t = tokens.get(k);
      String word = t.lower();
      if (t.sentence() != sentence) {
        return false;
      }
      if (verbs.contains(word)) {
        return true;
      }
      if (!t.is(Token.DIGIT) && !AMOUNT_WORDS.contains(word)) {
        return false;
      }
    }
    return false;
  }

  /**
   * Whether one of {@code words} comes within {@code reach} words after {@code k}, same sentence.
   */
  private boolean hasWordAfter(int k, int reach, Set<String> words) {
    int sentence = tokens.get(k).sentence();
    for (int j = k + 1; j < Math.min(tokens.size(), k + 1 + reach); j++) {
      Token t = tokens.get(j);
      if (t.sentence() != sentence) {
        return false;
      }
      if (words.contains(t.lower())) {
        return true;
      }
    }
    return false;
  }

  /** Whether one of {@code words} comes within {@code reach} words after {@code k}, no comma. */
  private boolean hasWordInClause(int k, int reach, Set<String> words) {
    for (int j = k + 1; j < Math.min(tokens.size(), k + 1 + reach); j++) {
      Token t = tokens.get(j);
      if (t.sentence() != tokens.get(k).sentence() || t.gap() == Token.Gap.COMMA) {
        return false;
      }
      if (words.contains(t.lower())) {
        return true;
      }
    }
    return false;
  }

  private boolean isWord(int k, String word) {
    return k < tokens.size() && tokens.get(k).joinsPrevious() && tokens.get(k).lower().equals(word);
  }
}
