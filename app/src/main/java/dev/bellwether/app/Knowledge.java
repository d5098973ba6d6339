package dev.bellwether.app;

import dev.bellwether.core.company.CompanyKnowledgeBase;
import dev.bellwether.core.tagging.CueBook;
import dev.bellwether.core.tagging.Tagger;
import dev.bellwether.core.watchlist.Watchlist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The company knowledge base, the event cues and the watchlist, from files or the built-in
 * defaults.
 */
record Knowledge(CompanyKnowledgeBase companies, CueBook cues, Watchlist watchlist) {

  static Knowledge load(@Nullable Path companiesFile, @Nullable Path watchlistFile) {
    return load(companiesFile, null, watchlistFile);
  }

  static Knowledge load(
      @Nullable Path companiesFile, @Nullable Path cuesFile, @Nullable Path watchlistFile) {
    CompanyKnowledgeBase kb =
        companiesFile == null
            ? CompanyKnowledgeBase.builtIn()
            : CompanyKnowledgeBase.parse(read(companiesFile), companiesFile.toString());
    Watchlist watchlist =
        watchlistFile == null
            ? Watchlist.builtIn(kb)
            : Watchlist.parse(read(watchlistFile), watchlistFile.toString(), kb);
    CueBook cues =
        cuesFile == null ? CueBook.builtIn() : CueBook.parse(read(cuesFile), cuesFile.toString());
    return new Knowledge(kb, cues, watchlist);
  }

  /** A tagger over these companies and cues. */
  Tagger tagger() {
    return new Tagger(companies, cues);
  }

  static Knowledge builtIn() {
    return load(null, null);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UserError("cannot read " + file.toAbsolutePath() + ": " + e.getMessage());
    }
  }
}
