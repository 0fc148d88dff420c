-- CreateTable
CREATE TABLE "Autosave" (
    "userId" TEXT NOT NULL,
    "draftKey" TEXT NOT NULL,
    "baseVersion" INTEGER NOT NULL,
    "fields" TEXT NOT NULL,
    "savedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "draftKey"),
    CONSTRAINT "Autosave_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

