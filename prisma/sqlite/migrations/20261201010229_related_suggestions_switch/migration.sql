-- A column added in place: rebuilding the table (what `migrate diff` writes) would drop the
-- full-text search triggers on "Article".
ALTER TABLE "Article" ADD COLUMN "suggestionsEnabled" BOOLEAN NOT NULL DEFAULT true;
