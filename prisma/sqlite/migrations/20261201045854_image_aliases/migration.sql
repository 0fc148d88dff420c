-- CreateTable
CREATE TABLE "ImageAlias" (
    "contentHash" TEXT NOT NULL PRIMARY KEY,
    "imageId" TEXT NOT NULL,
    CONSTRAINT "ImageAlias_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ImageAlias_imageId_idx" ON "ImageAlias"("imageId");

