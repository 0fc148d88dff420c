-- DropIndex
DROP INDEX "Article_headlineKey_idx";

-- DropIndex
DROP INDEX "RelatedLink_targetArticleId_idx";

-- CreateIndex
CREATE INDEX "Article_headlineKey_id_idx" ON "Article"("headlineKey", "id");

-- CreateIndex
CREATE INDEX "RelatedLink_targetArticleId_url_articleId_position_idx" ON "RelatedLink"("targetArticleId", "url", "articleId", "position");

