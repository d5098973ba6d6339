package dev.bellwether.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jspecify.annotations.Nullable;

/**
 * Cleans the chosen block: removes what is inside it but not article text, such as share bars,
 * asides, footers, forms, and tables, lists and divs that look like navigation, link lists or
 * widgets rather than prose. Data tables and figures stay.
 */
final class ArticleCleaner {
  private static final Pattern AD_OR_LOADING =
      Pattern.compile(
          "^(ad(vertising|vertisement)?|pub(licit[ée])?|werb(ung)?|anzeige|广告|реклама|anuncio"
              + "|loading\\W*|chargement\\W*|cargando\\W*)$");
  private static final String FURNITURE = "footer, aside, nav, form:not(:has(p))";

  private static final Pattern HEADING = Pattern.compile("h[1-6]");
  private static final Pattern SENTENCE_END =
      Pattern.compile("[.!?\u2026\u3002\uFF01\uFF1F\"\u201D\u00BB)\\]]$");
  private static final int MAX_TRIMMED = 10;
  private static final double MAX_TRIMMED_SHARE = 0.15;
  private static final int SHORT_BLOCK = 100;
  private static final int LINKED_BLOCK = 200;
  private static final double LINK_PARAGRAPH = 0.6;
  private static final int CREDIT_LINE = 120;
  private static final int DATE_LINE = 60;
  private static final Pattern NUMERIC_DATE =
      Pattern.compile(
          "\\b(\\d{1,2}[./]\\s?\\d{1,2}[./]\\s?\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}:\\d{2}"
              + "(:\\d{2})?|\\d{4})\\b");
  private static final String LEAF_BLOCKS =
      "p, li, dt, dd, div, td, blockquote, h1, h2, h3, h4, h5, h6";
  private static final double MAX_LINK_SECTION = 0.25;
  private static final Pattern CREDIT =
      Pattern.compile(
          "(?iu)[(\\[]?\\s*(©|\\(c\\)|copyright\\b|(photos?|fotos?|bild(er)?|images?|pictures?"
              + "|credits?|crédits?( photos?)?|cr[ée]dito|quelle|source|fuente|fonte|titelbild"
              + "|beitragsbild|abbildung( \\d+)?|illustration)\\s*:)");
  private static final Set<String> MEDIA =
      Set.of(
          "img", "picture", "video", "audio", "table", "figure", "math", "svg", "iframe", "object",
          "embed", "canvas");

  private final MainText.Pass pass;

  private ArticleCleaner(MainText.Pass pass) {
    this.pass = pass;
  }

  static void clean(Element article, MainText.Pass pass) {
    new ArticleCleaner(pass).clean(article);
  }

  private void clean(Element article) {
    DataTables.mark(article);
    for (Element e : article.select("*")) {
      if (e != article && e.parent() != null && ClassHints.share(e) && e.text().length() < 500) {
        e.remove();
      }
    }
    int most = article.text().length() / 2;
    for (Element e : article.select(FURNITURE)) {
      if (e.parent() != null && e.text().length() <= most) {
        e.remove(); // an <aside> or <footer> holding most of the text is where the page put it
      }
    }
    if (pass.stripUnlikely()) {
      Boilerplate.remove(article);
    }
    if (pass.cleanConditionally()) {
      cleanConditionally(article, "form, fieldset");
      cleanConditionally(article, "table, ul, div");
    }
    for (Element h : article.select("h1, h2")) {
      if (ClassHints.weight(h) < 0) {
        h.remove();
      }
    }
    for (Element p : article.select("p")) {
      if (!p.hasText() && p.select("img, picture, video, audio, table").isEmpty()) {
        p.remove();
      }
    }
    removeLinkParagraphs(article);
    removeCredits(article);
    removeTrailingLinkSection(article);
    removeTrailingHeadings(article);
    removeLeadingDateLines(article);
  }

  /**
   * Removes the short lines before the article's first paragraph of prose that carry a date or a
   * time and a few words at most ("23.10.2018", "2021-10-16 | News", "24 March 2004, 19:49"): when
   * and where a page filed the story, not what it says. A dateline inside the first paragraph
   * stays.
   */
  private static void removeLeadingDateLines(Element article) {
    List<Element> leaves = leafBlocks(article);
    for (Element leaf : leaves) {
      String text = leaf.text().strip();
      if (text.length() >= DATE_LINE) {
        return;
      }
      if (NUMERIC_DATE.matcher(text).find()
          && NUMERIC_DATE.matcher(text).replaceAll(" ").strip().split("\\s+").length <= 4) {
        leaf.remove();
      }
    }
  }

  /**
   * Removes a section that closes the article with a label and a list of links: "Related posts",
   * "Read more:", "Most read" over the titles of other stories. The label is a heading or a short
   * line; the short lines after it are mostly links and hold little of the article's text.
   */
  private static void removeTrailingLinkSection(Element article) {
    List<Element> leaves = leafBlocks(article);
    int total = article.text().length();
    int after = 0;
    double linked = 0;
    int cut = -1;
    for (int i = leaves.size() - 1; i > 0; i--) {
      Element leaf = leaves.get(i);
      String text = leaf.text().strip();
      if (text.length() >= LINKED_BLOCK || after + text.length() > MAX_LINK_SECTION * total) {
        break;
      }
      if (after > 0 && linked / after >= 0.5 && label(leaf, text)) {
        cut = i;
      }
      after += text.length();
      linked += TextStats.linkDensity(leaf) * text.length();
    }
    if (cut > 0) {
      for (Element leaf : leaves.subList(cut, leaves.size())) {
        leaf.remove();
      }
    }
  }

  /**
   * The blocks of {@code article} with text and no block inside, in page order: a block is a leaf
   * when the next block in page order is not inside it.
   */
  private static List<Element> leafBlocks(Element article) {
    Elements blocks = article.select(LEAF_BLOCKS);
    List<Element> leaves = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      Element e = blocks.get(i);
      boolean leaf = i + 1 == blocks.size() || !inside(blocks.get(i + 1), e);
      if (leaf && e != article && e.hasText()) {
        leaves.add(e);
      }
    }
    return leaves;
  }

  private static boolean inside(Element e, Element ancestor) {
    for (Element a = e.parent(); a != null; a = a.parent()) {
      if (a == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static boolean label(Element leaf, String text) {
    return text.length() <= 60
        && TextStats.linkDensity(leaf) < 0.5
        && (HEADING.matcher(leaf.normalName()).matches() || !text.endsWith("."));
  }

  /**
   * Removes short blocks that credit a picture or a source rather than tell the story ("Photo:
   * Reuters", "Bild: dpa", "© AFP / Getty Images", "Quelle: Landesregierung"): a label many
   * languages use, then a colon, or a copyright sign.
   */
  private static void removeCredits(Element article) {
    for (Element e : article.select("p, div, span, small, em, i")) {
      if (e.parent() == null) {
        continue;
      }
      String text = e.text().strip();
      if (!text.isEmpty() && text.length() < CREDIT_LINE && CREDIT.matcher(text).lookingAt()) {
        e.remove();
      }
    }
  }

  /**
   * Removes short paragraphs that are links and little else: pointers to other stories set between
   * the article's paragraphs ("Read also: ...", "WATCH: ..."), in any language.
   */
  private static void removeLinkParagraphs(Element article) {
    for (Element p : article.select("p")) {
      String text = p.text();
      if (!text.isEmpty()
          && text.length() < LINKED_BLOCK
          && TextStats.linkDensity(p) >= LINK_PARAGRAPH) {
        p.remove();
      }
    }
  }

  /**
   * Trims the article's tail: a heading with nothing after it introduces what cleaning removed
   * ("Related posts", "About the author"), and a short last block that ends no sentence, or is
   * mostly a link, is a pointer elsewhere ("More on this topic", "Read also: ...", "Back to the
   * list") rather than the article's last paragraph. Stops at the first block of prose or media.
   */
  private static void removeTrailingHeadings(Element article) {
    int budget = (int) (MAX_TRIMMED_SHARE * article.text().length());
    for (int guard = 0; guard < MAX_TRIMMED; guard++) {
      Node last = lastContent(article);
      if (!(last instanceof TextNode)) {
        return; // nothing, or media after the last text: a heading over a picture is a caption
      }
      Element block = (Element) last.parent();
      Element heading = block;
      while (heading != null
          && heading != article
          && !HEADING.matcher(heading.normalName()).matches()) {
        heading = heading.parent();
      }
      if (heading != null && heading != article) {
        budget -= heading.text().length();
        if (budget < 0) {
          return;
        }
        heading.remove();
        continue;
      }
      while (block != article && !block.isBlock()) {
        block = block.parent();
      }
      if (block == article || !pointer(block)) {
        return;
      }
      budget -= block.text().length();
      if (budget < 0) {
        return; // a tail this long is the article's own (verse, dialogue, a list of short lines)
      }
      block.remove();
    }
  }

  /** Whether a block reads as a pointer elsewhere rather than a paragraph of the article. */
  private static boolean pointer(Element block) {
    String text = block.text().strip();
    if (text.length() < LINKED_BLOCK && TextStats.linkDensity(block) >= 0.5) {
      return true;
    }
    return text.length() < SHORT_BLOCK
        && !SENTENCE_END.matcher(text).find()
        && !inRunOfShortLines(block);
  }

  /**
   * Whether the block before this one is a short line of the same kind too: a run of them is verse,
   * a list of facts or an address, the article's own, where a pointer stands alone.
   */
  private static boolean inRunOfShortLines(Element block) {
    Element before = block.previousElementSibling();
    if (before == null || !before.normalName().equals(block.normalName())) {
      return false;
    }
    String text = before.text().strip();
    return !text.isEmpty()
        && text.length() < SHORT_BLOCK
        && !SENTENCE_END.matcher(text).find()
        && TextStats.linkDensity(before) == 0;
  }

  /** The last text or media element in the article, in document order. */
  private static @Nullable Node lastContent(Element article) {
    Node[] last = {null};
    article.forEachNode(
        n -> {
          if (n instanceof TextNode t && !t.isBlank()) {
            last[0] = t;
          } else if (n instanceof Element e
              && (MEDIA.contains(e.normalName()) || e.normalName().indexOf('-') > 0)) {
            last[0] = e;
          }
        });
    return last[0];
  }

  /**
   * Removes the blocks among {@code tags} that look like furniture, except one that holds most of
   * the article's text: the scorer chose the article for that text, whatever its wrapper is named.
   */
  private void cleanConditionally(Element article, String tags) {
    List<Element> nodes = new ArrayList<>(article.select(tags));
    int most = article.text().length() / 2;
    for (int i = nodes.size() - 1; i >= 0; i--) {
      Element e = nodes.get(i);
      if (e != article
          && e.parent() != null
          && !DataTables.inside(e)
          && !insideCode(e)
          && e.text().length() <= most) {
        if (looksLikeFurniture(e)) {
          e.remove();
        }
      }
    }
  }

  private static boolean insideCode(Element e) {
    for (Element a = e; a != null; a = a.parent()) {
      if (a.normalName().equals("code") || a.normalName().equals("pre")) {
        return true;
      }
    }
    return false;
  }

  private boolean looksLikeFurniture(Element e) {
    int weight = pass.weighClasses() ? ClassHints.weight(e) : 0;
    if (weight < 0) {
      return true;
    }
    String text = e.text();
    if (TextStats.commas(text) >= 10) {
      return false;
    }
    if (AD_OR_LOADING.matcher(text.strip().toLowerCase(Locale.ROOT)).matches()) {
      return true;
    }
    BlockCounts c = BlockCounts.of(e);
    boolean list = c.isList();
    double links = TextStats.linkDensity(e);
    boolean inFigure = e.closest("figure") != null;
    boolean remove =
        (c.images() > 1 && c.paragraphs() / (double) c.images() < 0.5 && !inFigure)
            || (!list && c.listItems() > c.paragraphs())
            || (c.inputs() > c.paragraphs() / 3)
            || (!list
                && c.headingDensity() < 0.9
                && text.length() < 25
                && (c.images() == 0 || c.images() > 2)
                && !inFigure)
            || (!list && weight < 25 && links > 0.2)
            || (weight >= 25 && links > 0.5)
            || (c.embeds() == 1 && text.length() < 75)
            || c.embeds() > 1;
    return remove && !(list && c.onlyImageItems());
  }
}
