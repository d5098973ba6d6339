package dev.bellwether.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jspecify.annotations.Nullable;

/**
 * Finds the block holding the article. Every paragraph-like block gives points to its parent and
 * (less) to its further ancestors, by its length and commas; each ancestor starts from what its tag
 * and names say, and ends scaled down by its link density. The best block, possibly raised to an
 * ancestor that several good blocks share, is returned with those of its siblings that look like
 * more of the same article.
 */
final class ContentScorer {
  private static final Set<String> SCORED =
      Set.of("p", "pre", "td", "section", "h2", "h3", "h4", "h5", "h6");
  private static final Set<String> BLOCKS =
      HtmlBlocks.with("dd", "dt", "img", "li", "video", "picture");
  private static final Set<String> KEEP_EMPTY =
      Set.of("img", "picture", "video", "audio", "figure", "table");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?\u3002\uFF01\uFF1F](\\s|$)");
  private static final int ANCESTOR_LEVELS = 5;
  private static final int CANDIDATES = 5;

  private final MainText.Pass pass;
  private final Map<Element, Double> scores = new IdentityHashMap<>();
  // the scored blocks in the order first scored: ties between equal scores go to the earlier
  // block, so that a page always gives the same article (identity hashes differ between runs)
  private final List<Element> scored = new ArrayList<>();

  private ContentScorer(MainText.Pass pass) {
    this.pass = pass;
  }

  /** The article's block, taken out of {@code doc}, which this changes. */
  static Element pick(Document doc, MainText.Pass pass) {
    return new ContentScorer(pass).pick(doc.body());
  }

  private Element pick(Element body) {
    List<Element> paragraphs = prepare(body);
    paragraphs.forEach(this::score);
    List<Element> best = bestCandidates();
    if (best.isEmpty() || best.get(0) == body) {
      return body;
    }
    Element top = raise(best);
    return withSiblings(top);
  }

  /** Removes furniture, turns text-only divs into paragraphs, and lists the blocks to score. */
  private List<Element> prepare(Element body) {
    List<Element> toScore = new ArrayList<>();
    Element e = body;
    while (e != null) {
      if (e != body && removable(e)) {
        Element next = following(e, true);
        liftLeads(e);
        e.remove();
        e = next;
        continue;
      }
      if (e.normalName().equals("div")) {
        divToParagraphs(e);
      }
      if (SCORED.contains(e.normalName())) {
        toScore.add(e);
      }
      e = following(e, false);
    }
    return toScore;
  }

  private boolean removable(Element e) {
    String tag = e.normalName();
    if (pass.stripUnlikely()
        && (ClassHints.unlikely(e) || ClassHints.furnitureRole(e))
        && !tag.equals("a")
        && !tag.equals("body")
        && !insideTableOrCode(e)) {
      return true;
    }
    return (tag.equals("div")
            || tag.equals("section")
            || tag.equals("header")
            || (tag.length() == 2
                && tag.charAt(0) == 'h'
                && tag.charAt(1) >= '1'
                && tag.charAt(1) <= '6'))
        && !e.hasText()
        && e.select("img, picture, video, audio, table").isEmpty();
  }

  /**
   * A header removed for its name may hold the article's lead (a standfirst under the headline):
   * leads that read as prose stay in the page, in the header's place, for {@link #leadBefore}.
   */
  private static void liftLeads(Element removed) {
    if (removed.parent() == null
        || (!removed.normalName().equals("header")
            && !ClassHints.names(removed).contains("header"))) {
      return;
    }
    List<Element> leads = new ArrayList<>();
    for (Element e : removed.select("*")) {
      if (e != removed
          && LeadHints.lead(e)
          && prose(e)
          && leads.stream().noneMatch(l -> isInside(e, l))) {
        leads.add(e);
      }
    }
    leads.forEach(removed::before);
  }

  private static boolean prose(Element lead) {
    return lead.text().length() >= 40 && TextStats.linkDensity(lead) < 0.3;
  }

  private static boolean insideTableOrCode(Element e) {
    for (Element a = e.parent(); a != null; a = a.parent()) {
      if (a.normalName().equals("table") || a.normalName().equals("code")) {
        return true;
      }
    }
    return false;
  }

  /** A div without blocks inside is a paragraph; in a div with blocks, loose text becomes one. */
  private static void divToParagraphs(Element div) {
    if (div.children().stream().noneMatch(c -> BLOCKS.contains(c.normalName()))) {
      div.tagName("p");
      return;
    }
    List<Node> run = new ArrayList<>();
    for (Node child : new ArrayList<>(div.childNodes())) {
      if (child instanceof Element c && BLOCKS.contains(c.normalName())) {
        wrapRun(run);
      } else {
        run.add(child);
      }
    }
    wrapRun(run);
  }

  private static void wrapRun(List<Node> run) {
    boolean hasText = run.stream().anyMatch(n -> !(n instanceof TextNode t) || !t.isBlank());
    if (hasText) {
      Element p = new Element("p");
      run.get(0).before(p);
      run.forEach(p::appendChild);
    }
    run.clear();
  }

  private void score(Element paragraph) {
    if (paragraph.parent() == null) {
      return;
    }
    String text = paragraph.text();
    if (text.length() < 25) {
      return;
    }
    double points = 1 + TextStats.commas(text) + Math.min(text.length() / 100, 3);
    int level = 0;
    for (Element a = paragraph.parent(); a != null && level < ANCESTOR_LEVELS; a = a.parent()) {
      if (a.normalName().equals("html") || a.parent() == null) {
        break;
      }
      double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
      if (!scores.containsKey(a)) {
        scored.add(a);
      }
      scores.merge(a, initialScore(a) + points / divider, Double::sum);
      level++;
    }
  }

  private double initialScore(Element e) {
    if (scores.containsKey(e)) {
      return 0;
    }
    int weight = pass.weighClasses() ? ClassHints.weight(e) : 0;
    return weight
        + switch (e.normalName()) {
          case "div", "article", "main" -> 5;
          case "pre", "td", "blockquote" -> 3;
          case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          default -> 0;
        };
  }

  private List<Element> bestCandidates() {
    scores.replaceAll((e, s) -> s * (1 - TextStats.linkDensity(e)));
    List<Element> ranked = new ArrayList<>(scored);
    ranked.sort(Comparator.comparing((Element e) -> scores.get(e)).reversed());
    return ranked.subList(0, Math.min(CANDIDATES, ranked.size()));
  }

  /**
   * Climbs from the best block to an ancestor that at least three other strong blocks share, or
   * while the parent scores higher; then over parents that hold nothing but this block.
   */
  private Element raise(List<Element> best) {
    Element top = best.get(0);
    double topScore = scores.get(top);
    List<Element> strong =
        best.subList(1, best.size()).stream()
            .filter(e -> scores.get(e) / topScore >= 0.75)
            .toList();
    if (strong.size() >= 3) {
      top = sharedAncestor(top, strong);
    }
    top = climbWhileParentScoresHigher(top);
    while (top.parent() != null
        && !top.parent().normalName().equals("body")
        && top.parent().children().size() == 1) {
      top = top.parent();
    }
    return top;
  }

  private static Element sharedAncestor(Element top, List<Element> strong) {
    for (Element a = top.parent(); a != null && !a.normalName().equals("body"); a = a.parent()) {
      Element ancestor = a;
      long containing = strong.stream().filter(s -> s.parents().contains(ancestor)).count();
      if (containing >= 3) {
        return a;
      }
    }
    return top;
  }

  private Element climbWhileParentScoresHigher(Element top) {
    double last = scores.getOrDefault(top, 0.0);
    double floor = last / 3;
    for (Element p = top.parent(); p != null && !p.normalName().equals("body"); p = p.parent()) {
      Double score = scores.get(p);
      if (score == null) {
        continue;
      }
      if (score < floor) {
        break;
      }
      if (score > last) {
        return p;
      }
      last = score;
    }
    return top;
  }

  /** The best block with the siblings that score close to it or read as paragraphs of prose. */
  private Element withSiblings(Element top) {
    Element parent = top.parent();
    if (parent == null) {
      return top;
    }
    double topScore = scores.getOrDefault(top, 0.0);
    double threshold = Math.max(10, topScore * 0.2);
    List<Element> kept = new ArrayList<>();
    for (Element sibling : parent.children()) {
      if (sibling == top || belongs(sibling, top, threshold)) {
        kept.add(sibling);
      }
    }
    Element article = new Element("div");
    Element lead = leadBefore(kept.get(0));
    if (lead != null) {
      article.appendChild(lead);
    }
    kept.forEach(article::appendChild);
    return article;
  }

  /**
   * The article's lead (standfirst, summary) when the page sets it apart from the body, before it
   * and inside the same {@code <article>} or {@code <main>}: the nearest block before {@code first}
   * that a name calls a lead and that reads as prose. Null when there is none.
   */
  private static @Nullable Element leadBefore(Element first) {
    Element scope = first.parent();
    while (scope != null
        && !scope.normalName().equals("article")
        && !scope.normalName().equals("main")
        && !scope.normalName().equals("body")) {
      scope = scope.parent();
    }
    if (scope == null || scope.normalName().equals("body")) {
      scope = first;
      for (int up = 0; up < 3 && scope.parent() != null; up++) {
        if (scope.parent().normalName().equals("body")) {
          break;
        }
        scope = scope.parent();
      }
      if (scope == first) {
        return null;
      }
    }
    Element found = null;
    for (Element e = following(scope, false);
        e != null && e != first && isInside(e, scope);
        e = following(e, false)) {
      if (isInside(first, e)) {
        continue;
      }
      if (LeadHints.lead(e)) {
        String text = e.text();
        if (text.length() >= 40 && TextStats.linkDensity(e) < 0.3) {
          found = e;
        }
      }
    }
    return found;
  }

  private static boolean isInside(Element e, Element ancestor) {
    for (Element a = e; a != null; a = a.parent()) {
      if (a == ancestor) {
        return true;
      }
    }
    return false;
  }

  private boolean belongs(Element sibling, Element top, double threshold) {
    double bonus = 0;
    if (!top.className().isEmpty() && top.className().equals(sibling.className())) {
      bonus = scores.getOrDefault(top, 0.0) * 0.2;
    }
    Double score = scores.get(sibling);
    if (score != null && score + bonus >= threshold) {
      return true;
    }
    if (!sibling.normalName().equals("p")) {
      return false;
    }
    String text = sibling.text();
    double links = TextStats.linkDensity(sibling);
    if (text.length() > 80) {
      return links < 0.25;
    }
    return !text.isEmpty() && links == 0 && SENTENCE_END.matcher(text).find();
  }

  /** The next element in document order, past {@code e}'s descendants when asked. */
  private static Element following(Element e, boolean skipChildren) {
    if (!skipChildren && e.firstElementChild() != null) {
      return e.firstElementChild();
    }
    for (Element n = e; n != null; n = n.parent()) {
      if (n.nextElementSibling() != null) {
        return n.nextElementSibling();
      }
    }
    return null;
  }
}
