-- Full-text index over headline (weight A), standfirst (B) and body (C).
-- lib/search must use exactly this expression for the index to serve its queries.
CREATE INDEX "Article_search_idx" ON "Article" USING GIN ((
  setweight(to_tsvector('english', "headline"), 'A') ||
  setweight(to_tsvector('english', "standfirst"), 'B') ||
  setweight(to_tsvector('english', "body"), 'C')
));
