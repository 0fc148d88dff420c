-- CreateTable
CREATE TABLE "SiteSettings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "publicationName" TEXT NOT NULL DEFAULT '',
    "logoImageId" TEXT,
    "socialImageId" TEXT,
    "iconImageId" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SiteSettings_logoImageId_fkey" FOREIGN KEY ("logoImageId") REFERENCES "Image" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SiteSettings_socialImageId_fkey" FOREIGN KEY ("socialImageId") REFERENCES "Image" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SiteSettings_iconImageId_fkey" FOREIGN KEY ("iconImageId") REFERENCES "Image" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

