-- CreateTable
CREATE TABLE "ImageAlias" (
    "contentHash" TEXT NOT NULL,
    "imageId" TEXT NOT NULL,

    CONSTRAINT "ImageAlias_pkey" PRIMARY KEY ("contentHash")
);

-- CreateIndex
CREATE INDEX "ImageAlias_imageId_idx" ON "ImageAlias"("imageId");

-- AddForeignKey
ALTER TABLE "ImageAlias" ADD CONSTRAINT "ImageAlias_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image"("id") ON DELETE CASCADE ON UPDATE CASCADE;

