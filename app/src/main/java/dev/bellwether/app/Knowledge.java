package dev.bellwether.app;

import dev.bellwether.core.company.CompanyKnowledgeBase;
import dev.bellwether.core.learn.EventModel;
import dev.bellwether.core.tagging.CueBook;
import dev.bellwether.core.tagging.Tagger;
import dev.bellwether.core.watchlist.Watchlist;
import dev.bellwether.processors.model.BuiltInModel;
import dev.bellwether.processors.model.MiniLmEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The company knowledge base, the event cues and the watchlist, from files or the built-in
 * defaults.
 */
record Knowledge(
    CompanyKnowledgeBase companies, CueBook cues, Watchlist watchlist, Optional<EventModel> model) {

  static Knowledge load(@Nullable Path companiesFile, @Nullable Path watchlistFile) {
    return load(companiesFile, null, watchlistFile);
  }

  static Knowledge load(
      @Nullable Path companiesFile, @Nullable Path cuesFile, @Nullable Path watchlistFile) {
    CompanyKnowledgeBase kb = companies(companiesFile);
    return new Knowledge(kb, cues(cuesFile), watchlist(watchlistFile, kb), Optional.empty());
  }

  /** The watchlist of the file, or the built-in one, over these companies. */
  Watchlist watchlist(@Nullable Path watchlistFile) {
    return watchlist(watchlistFile, companies);
  }

  private static Watchlist watchlist(@Nullable Path file, CompanyKnowledgeBase kb) {
    return file == null ? Watchlist.builtIn(kb) : Watchlist.parse(read(file), file.toString(), kb);
  }

  /**
   * A tagger over the given knowledge base and cues, or the built-in ones. No watchlist is read, so
   * a knowledge base without the watchlist's groups can be tried out.
   */
  static Tagger tagger(@Nullable Path companiesFile, @Nullable Path cuesFile) {
    return new Tagger(companies(companiesFile), cues(cuesFile));
  }

  /**
   * The tagger with a learned model beside its rules: {@code "builtin"} (the shipped model, or the
   * rules alone when this build has none), {@code "none"}, or a model file.
   */
  static Tagger withModel(Tagger rules, String model) {
    return withModel(rules, model(model));
  }

  private static Tagger withModel(Tagger rules, Optional<EventModel> model) {
    return model.isEmpty() ? rules : rules.withModel(MiniLmEncoder.shared(), model.get());
  }

  /** The model named: none, the built-in one (none when this build has none), or a file's. */
  private static Optional<EventModel> model(String model) {
    if (model.equals("none")) {
      return Optional.empty();
    }
    if (model.equals("builtin")) {
      return BuiltInModel.load();
    }
    Path file = Path.of(model);
    try {
      return Optional.of(BuiltInModel.read(file));
    } catch (NoSuchFileException e) {
      throw new UserError("no such model file: " + file.toAbsolutePath());
    } catch (IOException e) {
      throw new UserError("cannot read " + file.toAbsolutePath() + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new UserError(file + ": " + e.getMessage());
    }
  }

  private static CompanyKnowledgeBase companies(@Nullable Path file) {
    return file == null
        ? CompanyKnowledgeBase.builtIn()
        : CompanyKnowledgeBase.parse(read(file), file.toString());
  }

  private static CueBook cues(@Nullable Path file) {
    return file == null ? CueBook.builtIn() : CueBook.parse(read(file), file.toString());
  }

  /**
   * The same knowledge, tagging with a learned model: builtin, none or a file (docs/tagging.md).
   */
  Knowledge withModel(String model) {
    return new Knowledge(companies, cues, watchlist, model(model)); // a bad file is refused now
  }

  /** A tagger over these companies and cues, with this knowledge's model. */
  Tagger tagger() {
    return withModel(new Tagger(companies, cues), model);
  }

  static Knowledge builtIn() {
    return load(null, null);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UserError("no such file: " + file.toAbsolutePath());
    } catch (IOException e) {
      throw new UserError("cannot read " + file.toAbsolutePath() + ": " + e.getMessage());
    }
  }
}
