-- DropIndex
DROP INDEX "Article_deletedAt_headline_idx";

-- DropIndex
DROP INDEX "Article_deletedAt_publishedAt_idx";

-- DropIndex
DROP INDEX "Article_deletedAt_updatedAt_idx";

-- DropIndex
DROP INDEX "Article_headlineKey_idx";

-- DropIndex
DROP INDEX "RelatedLink_targetArticleId_idx";

-- CreateIndex
CREATE INDEX "Article_headlineKey_id_idx" ON "Article"("headlineKey", "id");

-- CreateIndex
CREATE INDEX "Article_deletedAt_updatedAt_id_idx" ON "Article"("deletedAt", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Article_deletedAt_publishedAt_id_idx" ON "Article"("deletedAt", "publishedAt", "id");

-- CreateIndex
CREATE INDEX "Article_deletedAt_headline_id_idx" ON "Article"("deletedAt", "headline", "id");

-- CreateIndex
CREATE INDEX "RelatedLink_targetArticleId_url_articleId_position_idx" ON "RelatedLink"("targetArticleId", "url", "articleId", "position");

