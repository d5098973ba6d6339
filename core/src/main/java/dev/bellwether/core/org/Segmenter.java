package dev.bellwether.core.org;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the candidate names of a text from its words. A run of capitalized words joined by spaces
 * (with "of", "for", "and", "&" inside an institution's name: "Bureau of Industry and Security") is
 * cut where a word cannot belong to a name: a stop word, a weekday or month, a person's title; it
 * yields well-known organizations whole, leaves out a leading demonym ("French"), and gives up at a
 * person ("Sam Altman"). A piece is a candidate when some word of it can carry a name and it is not
 * only a place, a product with digits, a law or a short acronym.
 */
final class Segmenter {
  private static final Set<String> CONNECTORS = Set.of("of", "for", "and", "&", "the");

  /** Words after which "and" starts another organization: "University of Tokyo and Sakana AI". */
  private static final Set<String> COMPANY_ENDINGS =
      Lexicon.words(
          "AI Labs Lab Inc Inc. Corp Corp. Ltd Ltd. LLC Technologies Robotics Holdings Group"
              + " Capital Ventures Partners");

  /** Headline verbs that are also keywords, when "with" or "up" follows ("X Partners With Y"). */
  private static final Set<String> VERBS_BEFORE_WITH =
      Set.of("Partners", "Partner", "Teams", "Team", "Works", "Collaborates");

  private final String text;
  private final List<Token> tokens;
  private final Lexicon lex;
  private final boolean[] title;
  private final List<Candidate> out = new ArrayList<>();
  private final List<Candidate> wholeRuns = new ArrayList<>();
  private final Set<String> surnames = new HashSet<>();

  private Segmenter(String text, List<Token> tokens, Lexicon lex) {
    this.text = text;
    this.tokens = tokens;
    this.lex = lex;
    this.title = TitleCase.sentences(tokens);
  }

  /**
   * The candidates of a text, in order, and the last names of the people it names.
   *
   * @param wholeRuns runs of capitalized words that stop words or dates cut into pieces ("Light" of
   *     "Light Year"), whole: the name when an event shows the run is one organization
   */
  record Result(List<Candidate> candidates, List<Candidate> wholeRuns, Set<String> surnames) {}

  static Result segment(String text, List<Token> tokens, Lexicon lex) {
    Segmenter s = new Segmenter(text, tokens, lex);
    for (int i = 0; i < tokens.size(); ) {
      Token t = tokens.get(i);
      if (!t.capitalized() || t.is(Token.KNOWN)) {
        i++;
        continue;
      }
      int end = s.withSuffixes(s.runEnd(i));
      s.split(i, end);
      i = end;
    }
    return new Result(s.out, s.wholeRuns, s.surnames);
  }

  /** The end of the run of name words from {@code start}, connectors inside included. */
  private int runEnd(int start) {
    boolean institution = false;
    int j = start;
    while (j + 1 < tokens.size() && tokens.get(j).openEnded()) {
      Token next = tokens.get(j + 1);
      if (!next.joinsPrevious()) {
        break;
      }
      if (continuesName(next)) {
        j++;
        continue;
      }
      int connector = connectorLength(j, institution);
      if (connector == 0) {
        break;
      }
      institution |= next.text().equals("of") || next.text().equals("for");
      j += connector + 1;
    }
    return j + 1;
  }

  private boolean continuesName(Token t) {
    return t.joinsPrevious()
        && !t.is(Token.KNOWN)
        && (t.capitalized() || Lexicon.LEGAL_SUFFIXES.contains(t.text()));
  }

  /**
   * How many connector words follow {@code tokens[at]} inside one name, 0 if none may: "of" and
   * "for" after an institution's head ("Ministry of", "Bank of the"), "&" between capitals, and
   * "and" once the name has an "of" unless a company's name follows.
   */
  private int connectorLength(int at, boolean institution) {
    int c = at + 1;
    String word = tokens.get(c).text();
    int length = 1;
    if (word.equals("of") && c + 1 < tokens.size() && tokens.get(c + 1).text().equals("the")) {
      length = 2;
    }
    boolean allowed =
        switch (word) {
          case "of", "for" -> Lexicon.INSTITUTION_HEADS.contains(tokens.get(at).text());
          case "&" -> true;
          case "and" -> andJoins(at, institution);
          default -> false;
        };
    int after = c + length;
    if (!allowed || after >= tokens.size()) {
      return 0;
    }
    Token next = tokens.get(after);
    boolean joined = tokens.get(c + length - 1).joinsPrevious() && next.joinsPrevious();
    return joined && continuesName(next) && next.is(Token.CAP) ? length : 0;
  }

  /**
   * Whether "and" after {@code tokens[at]} stays inside one name: after "of" in an institution's
   * name ("Bureau of Industry and Security"), or between a keyword and an institution's head
   * ("Securities and Exchange Commission"); never before a company's name ("Tokyo and Sakana AI").
   */
  private boolean andJoins(int at, boolean institution) {
    String before = tokens.get(at).text();
    if (COMPANY_ENDINGS.contains(before)) {
      return false;
    }
    boolean head = false;
    for (int k = at + 2; k < Math.min(tokens.size(), at + 5); k++) {
      Token t = tokens.get(k);
      if (!t.capitalized() || !t.joinsPrevious()) {
        break;
      }
      if (COMPANY_ENDINGS.contains(t.text())) {
        return false;
      }
      head |= Lexicon.INSTITUTION_HEADS.contains(t.text());
    }
    return institution || head && Lexicon.OTHER_KEYWORDS.contains(before);
  }

  /** The run's end after legal suffixes set off by a comma ("CoreWeave, Inc.", "Co., Ltd."). */
  private int withSuffixes(int end) {
    while (end < tokens.size()
        && tokens.get(end).gap() == Token.Gap.COMMA
        && tokens.get(end - 1).openEnded()
        && Lexicon.LEGAL_SUFFIXES.contains(tokens.get(end).text())) {
      end++;
    }
    return end;
  }

  /**
   * Cuts the run {@code [start, end)} into candidates, and keeps the run whole as well when only
   * stop words or dates inside cut it.
   */
  private void split(int start, int end) {
    if (cutsOnlyAtCommonWords(start, end)) {
      keepWhole(start, end);
    }
    int piece = -1; // where the current piece starts, or -1
    boolean places = false; // whether the piece has only places so far ("U.S.")
    int i = start;
    while (i < end) {
      int listed = piece < 0 || places ? lex.listedOrgs.longestAt(tokens, i, end) : 0;
      if (listed > 0) {
        close(start, piece, i);
        piece = -1;
        emit(start, i, i + listed, i + listed, true);
        places = false;
        i += listed;
        continue;
      }
      if (piece < 0) {
        int skip = leadingNonName(i, end);
        if (skip < 0) {
          return; // a person: the rest of the run is their name
        }
        if (skip > 0) {
          i += skip;
          continue;
        }
      }
      int place = lex.places.longestAt(tokens, i, end);
      if (place > 0) {
        places = piece < 0 || places;
        piece = piece < 0 ? i : piece;
        i += place;
        continue;
      }
      places = false;
      Token t = tokens.get(i);
      if (lex.titles.contains(t.text())) {
        close(start, piece, i);
        return; // a person's title: what follows is their name
      }
      if (isCut(i)) {
        close(start, piece, i);
        piece = -1;
      } else if (piece < 0) {
        piece = i;
      }
      i++;
    }
    close(start, piece, end);
  }

  /**
   * How many words at {@code i} a piece may not start with: a connector, or a demonym unless an
   * institution's name follows ("Chinese Academy of Sciences"); -1 when a person's name starts
   * here.
   */
  private int leadingNonName(int i, int end) {
    if (CONNECTORS.contains(tokens.get(i).text())) {
      return 1;
    }
    int demonym = lex.demonyms.longestAt(tokens, i, end);
    if (demonym > 0 && !hasWordOf(i + demonym, end, Lexicon.OTHER_KEYWORDS)) {
      return demonym;
    }
    return isPerson(i, end) ? -1 : 0;
  }

  /**
   * Whether a person's name starts at {@code i}: a given name and another capitalized word, with no
   * organization keyword in the run. Their last name is remembered.
   */
  private boolean isPerson(int i, int end) {
    if (i + 1 >= end
        || !lex.givenNames.contains(tokens.get(i).text())
        || !tokens.get(i).openEnded()
        || !tokens.get(i + 1).is(Token.CAP)) {
      return false;
    }
    int last = i;
    for (int k = i + 1; k < end; k++) {
      String word = tokens.get(k).text();
      if (Lexicon.isOrgWord(word)) {
        return false;
      }
      if (isCut(k) || lex.titles.contains(word)) {
        break;
      }
      last = k;
    }
    surnames.add(tokens.get(last).text());
    return true;
  }

  private boolean hasHead(int from, int to) {
    for (int k = from; k < to; k++) {
      if (lex.isHead(tokens.get(k).text()) && !tokens.get(k).is(Token.DIGIT)) {
        return true;
      }
    }
    return false;
  }

  private boolean hasWordOf(int from, int to, Set<String> words) {
    for (int k = from; k < to; k++) {
      if (words.contains(tokens.get(k).text())) {
        return true;
      }
    }
    return false;
  }

  /** Whether the word at {@code i} ends a piece: a stop word, a date word, a verb before "with". */
  private boolean isCut(int i) {
    String word = tokens.get(i).text();
    if (lex.boundary.contains(word) || lex.calendar.contains(word)) {
      return true;
    }
    if (!VERBS_BEFORE_WITH.contains(word) || i + 1 >= tokens.size()) {
      return false;
    }
    String next = tokens.get(i + 1).lower();
    return next.equals("with") || next.equals("up");
  }

  /**
   * Whether a run of two or more words in running text is cut only by stop words or dates inside it
   * ("Light Year", "Beats Electronics"): no place, person, title, nationality, connector or
   * well-known organization in it, no date last, and a name word first where a sentence starts.
   */
  private boolean cutsOnlyAtCommonWords(int start, int end) {
    if (end - start < 2
        || title[tokens.get(start).sentence()]
        || isCut(start) && tokens.get(start).is(Token.SENTENCE_START)
        || lex.calendar.contains(tokens.get(end - 1).text())
        || lex.demonyms.longestAt(tokens, start, end) > 0
        || isPerson(start, end)) {
      return false;
    }
    boolean cut = false;
    for (int k = start; k < end; k++) {
      String word = tokens.get(k).text();
      if (CONNECTORS.contains(word)
          || lex.titles.contains(word)
          || lex.places.longestAt(tokens, k, end) > 0
          || lex.listedOrgs.longestAt(tokens, k, end) > 0) {
        return false;
      }
      cut |= isCut(k);
    }
    return cut;
  }

  private void keepWhole(int start, int end) {
    int to = end;
    while (to > start + 1 && Lexicon.LEGAL_SUFFIXES.contains(tokens.get(to - 1).text())) {
      to--;
    }
    boolean named = hasHead(start, to) || Lexicon.isOrgWord(tokens.get(to - 1).text());
    if (!continuesKnown(start) && named) {
      wholeRuns.add(candidate(start, to, end, false, false));
    }
  }

  /** Makes a candidate of the words {@code [from, end)} of the run that starts at {@code run}. */
  private void close(int run, int from, int end) {
    if (from < 0) {
      return;
    }
    while (end > from && CONNECTORS.contains(tokens.get(end - 1).text())) {
      end--;
    }
    int to = end;
    while (to > from + 1 && Lexicon.LEGAL_SUFFIXES.contains(tokens.get(to - 1).text())) {
      to--;
    }
    if (end > from && isNameLike(from, to, end)) {
      emit(run, from, to, end, false);
    }
  }

  /** An all-capital word of at most three letters alone, without a legal suffix ("SAP"). */
  private boolean isLoneAcronym(int from, int to, int end) {
    return to - from == 1 && to == end && isShortAcronym(tokens.get(from).text());
  }

  private boolean isNameLike(int from, int to, int end) {
    boolean suffixed = to < end;
    boolean head = false;
    boolean digits = false;
    boolean keyword = false;
    for (int k = from; k < to; k++) {
      Token t = tokens.get(k);
      int place = lex.places.longestAt(tokens, k, to);
      if (place > 0) {
        k += place - 1; // a place carries no name, except after "of": "Bank of Korea"
        head |= k + 1 - place > from && tokens.get(k - place).text().equals("of");
        continue;
      }
      head |= lex.isHead(t.text()) && !CONNECTORS.contains(t.text());
      digits |= t.is(Token.DIGIT);
      keyword |= Lexicon.isOrgWord(t.text());
    }
    String last = tokens.get(to - 1).text();
    return (head || isPlaceAndCompanyNoun(from, to))
        && !(digits && !suffixed && !keyword)
        && !lex.nonOrgEndings.contains(last);
  }

  /**
   * Whether a place is followed only by nouns that name companies ("Palo Alto Networks", "Texas
   * Instruments"): a company named after where it began.
   */
  private boolean isPlaceAndCompanyNoun(int from, int to) {
    int place = lex.places.longestAt(tokens, from, to);
    if (place == 0 || from + place == to) {
      return false;
    }
    for (int k = from + place; k < to; k++) {
      if (!Lexicon.COMPANY_NOUNS.contains(tokens.get(k).text())) {
        return false;
      }
    }
    return true;
  }

  /** An all-capital word of at most three letters ("GPU", "SAP"): ambiguous alone. */
  private static boolean isShortAcronym(String word) {
    if (word.length() > 3) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      if (!Character.isUpperCase(word.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private void emit(int run, int from, int to, int end, boolean listed) {
    if (from == run && continuesKnown(from)) {
      return; // "Samsung Electronics", "Alibaba Group Holding": the known company's own name
    }
    out.add(candidate(from, to, end, listed, !listed && isLoneAcronym(from, to, end)));
  }

  private Candidate candidate(int from, int to, int end, boolean listed, boolean acronym) {
    Token last = tokens.get(to - 1);
    String name = singleSpaced(text.substring(tokens.get(from).start(), last.end()));
    boolean inTitle = title[tokens.get(from).sentence()];
    return new Candidate(from, to, end, name, listed, inTitle, acronym);
  }

  /** Whether the word right before {@code from} is a known company's and runs into it. */
  private boolean continuesKnown(int from) {
    if (from == 0) {
      return false;
    }
    Token before = tokens.get(from - 1);
    return before.is(Token.KNOWN) && before.openEnded() && tokens.get(from).joinsPrevious();
  }

  private static String singleSpaced(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean space = false;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      boolean white = Character.isWhitespace(c) || Character.isSpaceChar(c);
      if (!white) {
        sb.append(c);
      } else if (!space) {
        sb.append(' ');
      }
      space = white;
    }
    return sb.toString();
  }
}
