-- The weighted full-text vector, stored: ranking (ts_rank) reads it instead of re-parsing every
-- matching body, which made "more like this" take seconds at 100,000 articles.
-- Headline weighs A, standfirst B, body C; lib/search queries this column.
ALTER TABLE "Article" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', "headline"), 'A') ||
  setweight(to_tsvector('english', "standfirst"), 'B') ||
  setweight(to_tsvector('english', "body"), 'C')
) STORED;

CREATE INDEX "Article_searchVector_idx" ON "Article" USING GIN ("searchVector");

-- Replaced by the index on the stored column.
DROP INDEX "Article_search_idx";
