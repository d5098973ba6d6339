package dev.bellwether.extract;

import org.jsoup.nodes.Element;

/**
 * Tells tables of data, which are content, from tables used for layout, and marks them with an
 * attribute on the working copy of the page.
 */
final class DataTables {
  private static final String MARK = "data-bellwether-data-table";

  private DataTables() {}

  static void mark(Element root) {
    for (Element table : root.getElementsByTag("table")) {
      if (isData(table)) {
        table.attr(MARK, "");
      }
    }
  }

  static boolean inside(Element e) {
    return e.closest("table[" + MARK + "]") != null;
  }

  private static boolean isData(Element table) {
    if (table.attr("role").equals("presentation") || table.attr("datatable").equals("0")) {
      return false;
    }
    if (table.hasAttr("summary")
        || !table.select("> caption, thead, tfoot, th, colgroup").isEmpty()) {
      return true;
    }
    if (!table
        .getElementsByTag("table")
        .subList(1, table.getElementsByTag("table").size())
        .isEmpty()) {
      return false;
    }
    int rows = table.select("tr").size();
    int columns = 0;
    for (Element row : table.select("tr")) {
      columns = Math.max(columns, row.select("> td, > th").size());
    }
    return rows >= 10 || columns > 4 || rows * columns > 10;
  }
}
