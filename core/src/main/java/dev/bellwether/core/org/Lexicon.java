package dev.bellwether.core.org;

import dev.bellwether.core.company.CompanyKnowledgeBase;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the finder knows about words: the data files shipped next to it (places, demonyms, given
 * names, stop words, well-known organizations outside technology), the countries, weekdays and
 * months of the JDK, and the keywords that mark a name as an organization and say which kind.
 * Immutable and safe to share.
 */
final class Lexicon {
  private static final String DIR = "/dev/bellwether/core/org/";

  /** Last words that make a name a technology company's ("Sakana AI", "Black Forest Labs"). */
  static final Set<String> TECH_KEYWORDS =
      words(
          "AI Labs Lab Technologies Technology Tech Robotics Systems Semiconductor Semiconductors"
              + " Software Cloud Data Networks Compute Computing Intelligence Quantum Security"
              + " Dynamics Devices Electronics Microsystems Microelectronics Photonics Micro"
              + " Silicon Instruments Memory Automation Analytics Cyber Telecom Communications"
              + " Telecommunications Computer Computers Foundry Interactive Informatics");

  /**
   * Plural or trade nouns that make a company's name even after a place, where a town's name begins
   * it ("Palo Alto Networks", "Texas Instruments", "Oxford Instruments").
   */
  static final Set<String> COMPANY_NOUNS =
      words(
          "Networks Systems Labs Laboratories Technologies Electronics Semiconductor"
              + " Semiconductors Instruments Robotics Microsystems Microelectronics Software"
              + " Devices Dynamics Communications Telecommunications Computers Photonics"
              + " Informatics Interactive");

  /** Words that make a name a financial, public, academic or media organization's. */
  static final Set<String> OTHER_KEYWORDS =
      words(
          "Capital Ventures Venture Partners Fund Funds Bank Banking Securities Investment"
              + " Investments Equity Asset Management Advisors Advisers Pension Endowment Trust"
              + " Insurance Assurance Reserve Exchange Treasury Authority Ministry Department"
              + " Commission Agency Bureau Administration Council Parliament Congress Senate"
              + " Government Cabinet Court Office Committee Army Navy Police Party University"
              + " Institute College School Academy Foundation Society Association Federation Times"
              + " Journal News Post Reuters Bloomberg Tribune Gazette Herald Magazine Press Daily"
              + " Broadcasting Television Radio");

  /** Words that make a name an organization's without saying which kind ("Li Auto"). */
  static final Set<String> NEUTRAL_KEYWORDS =
      words(
          "Group Holdings Holding Company Corporation Industries Enterprises Associates Solutions"
              + " Services Resources Materials Auto Motors Motor Energy Electric Power Pharma"
              + " Pharmaceuticals Health Healthcare Media Mobile Airlines Airways Aerospace Foods"
              + " Brands Logistics Studios Entertainment Games Consulting Chemical Chemicals");

  /** Legal forms of companies, which end a name and are left out of it. */
  static final Set<String> LEGAL_SUFFIXES =
      words(
          "Inc Inc. Incorporated Ltd Ltd. Limited LLC L.L.C. LLP L.P. Corp Corp. Corporation"
              + " GmbH AG SE S.A. SA S.A.S. SAS S.p.A. SpA N.V. NV B.V. BV plc PLC Plc Co Co. Pty"
              + " Pty. K.K. KK ASA Oyj Bhd Bhd. Sdn Tbk Ltda S.L. Srl");

  /** Heads of names that continue with "of" or "for" ("Bureau of ...", "Bank of ..."). */
  static final Set<String> INSTITUTION_HEADS =
      words(
          "Bureau Ministry Department University Institute Bank Commission Agency Office"
              + " Council Academy School College Center Centre Board Administration Authority"
              + " Federation Association Society Chamber Committee Foundation Fund Organization"
              + " Organisation Union Court Museum Laboratory Library Service Government Alliance"
              + " Coalition Consortium Institution Corporation");

  final PhraseSet places;
  final PhraseSet demonyms;
  final PhraseSet listedOrgs;
  final Set<String> givenNames;
  final Set<String> familyNames;
  final Set<String> boundary;
  final Set<String> generic;
  final Set<String> titles;
  final Set<String> nonOrgEndings;
  final Set<String> calendar;

  private Lexicon() {
    places = new PhraseSet(withCountries(lines("places.txt")));
    demonyms = new PhraseSet(lines("demonyms.txt"));
    listedOrgs = new PhraseSet(lines("other-orgs.txt"));
    Map<String, List<String>> people = sections("first-names.txt");
    givenNames = Set.copyOf(people.getOrDefault("given", List.of()));
    familyNames = Set.copyOf(people.getOrDefault("family", List.of()));
    Map<String, List<String>> stop = sections("stopwords.txt");
    boundary = Set.copyOf(stop.getOrDefault("boundary", List.of()));
    generic = Set.copyOf(stop.getOrDefault("generic", List.of()));
    titles = Set.copyOf(stop.getOrDefault("title", List.of()));
    nonOrgEndings = Set.copyOf(stop.getOrDefault("non-org-ending", List.of()));
    calendar = calendarWords();
  }

  static Lexicon builtIn() {
    return new Lexicon();
  }

  /** The words of a space-separated list, as a set. */
  static Set<String> words(String spaced) {
    return Set.of(spaced.trim().split(" +"));
  }

  /** Whether the word is a keyword of any kind or a legal suffix: it marks an organization. */
  static boolean isOrgWord(String word) {
    return TECH_KEYWORDS.contains(word)
        || OTHER_KEYWORDS.contains(word)
        || NEUTRAL_KEYWORDS.contains(word)
        || LEGAL_SUFFIXES.contains(word);
  }

  /** Whether the word can carry a name: no keyword, stop word or trade term, no lone letter. */
  boolean isHead(String word) {
    return !isOrgWord(word)
        && !generic.contains(word)
        && !boundary.contains(word)
        && !(word.length() == 1 || word.length() == 2 && word.endsWith("."));
  }

  /** Weekdays and months as the JDK writes them in English, full and short, and abbreviations. */
  private static Set<String> calendarWords() {
    Set<String> words = new HashSet<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      words.add(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
      words.add(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + ".");
    }
    for (Month month : Month.values()) {
      String full = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      String brief = month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      words.addAll(List.of(full, brief, brief + "."));
    }
    // short weekdays without a period, except "Sat" and "Sun", which are also words and names
    words.addAll(List.of("Mon", "Tue", "Tues", "Tues.", "Wed", "Weds", "Thu", "Thur", "Thurs"));
    words.addAll(List.of("Thur.", "Thurs.", "Fri", "Sept", "Sept."));
    return Set.copyOf(words);
  }

  /** The places of the file, and every country's English name and ISO code from the JDK. */
  private static List<String> withCountries(List<String> places) {
    List<String> all = new ArrayList<>(places);
    for (String code : Locale.getISOCountries()) {
      all.add(code);
      String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
      int cut = name.indexOf(" (");
      name = cut > 0 ? name.substring(0, cut) : name; // "Myanmar (Burma)"
      cut = name.indexOf(" - ");
      name = cut > 0 ? name.substring(0, cut) : name; // "Congo - Kinshasa"
      all.add(name);
    }
    return all;
  }

  private static List<String> lines(String file) {
    return sections(file).getOrDefault("", List.of());
  }

  /**
   * The entries of a data file by section: one per line, after a {@code [section]} line or, before
   * any, in section "". Blank lines and lines starting with {@code #} are skipped.
   */
  private static Map<String, List<String>> sections(String file) {
    Map<String, List<String>> sections = new LinkedHashMap<>();
    String section = "";
    for (String line : CompanyKnowledgeBase.resource(DIR + file).split("\n")) {
      String entry = line.strip();
      if (entry.isEmpty() || entry.startsWith("#")) {
        continue;
      }
      if (entry.startsWith("[") && entry.endsWith("]")) {
        section = entry.substring(1, entry.length() - 1);
        continue;
      }
      sections.computeIfAbsent(section, s -> new ArrayList<>()).add(entry);
    }
    return sections;
  }
}
