-- CreateTable
CREATE TABLE "IngestSource" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "intervalMinutes" INTEGER NOT NULL DEFAULT 15,
    "publish" BOOLEAN NOT NULL DEFAULT false,
    "defaultAuthor" TEXT NOT NULL DEFAULT '',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "lastPolledAt" DATETIME,
    "lastError" TEXT NOT NULL DEFAULT '',
    "lastPollOk" BOOLEAN NOT NULL DEFAULT false,
    "lastTaken" INTEGER NOT NULL DEFAULT 0,
    "totalTaken" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "IngestSource_url_key" ON "IngestSource"("url");

