-- Full-text index over headline, standfirst and body (FTS5, porter stemming), kept in step by triggers.
-- External content: the text lives only in "Article". After a VACUUM run: INSERT INTO "ArticleFts"("ArticleFts") VALUES ('rebuild')
CREATE VIRTUAL TABLE "ArticleFts" USING fts5(
  headline, standfirst, body,
  content='Article', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER "Article_fts_insert" AFTER INSERT ON "Article" BEGIN
  INSERT INTO "ArticleFts"(rowid, headline, standfirst, body) VALUES (new.rowid, new.headline, new.standfirst, new.body);
END;

CREATE TRIGGER "Article_fts_delete" AFTER DELETE ON "Article" BEGIN
  INSERT INTO "ArticleFts"("ArticleFts", rowid, headline, standfirst, body) VALUES ('delete', old.rowid, old.headline, old.standfirst, old.body);
END;

CREATE TRIGGER "Article_fts_update" AFTER UPDATE OF headline, standfirst, body ON "Article" BEGIN
  INSERT INTO "ArticleFts"("ArticleFts", rowid, headline, standfirst, body) VALUES ('delete', old.rowid, old.headline, old.standfirst, old.body);
  INSERT INTO "ArticleFts"(rowid, headline, standfirst, body) VALUES (new.rowid, new.headline, new.standfirst, new.body);
END;
