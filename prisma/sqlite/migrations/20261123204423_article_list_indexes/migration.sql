-- CreateIndex
CREATE INDEX "Article_deletedAt_publishedAt_idx" ON "Article"("deletedAt", "publishedAt");

-- CreateIndex
CREATE INDEX "Article_deletedAt_headline_idx" ON "Article"("deletedAt", "headline");

