-- CreateTable
CREATE TABLE "IngestSource" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "intervalMinutes" INTEGER NOT NULL DEFAULT 15,
    "publish" BOOLEAN NOT NULL DEFAULT false,
    "defaultAuthor" TEXT NOT NULL DEFAULT '',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "lastPolledAt" TIMESTAMP(3),
    "lastError" TEXT NOT NULL DEFAULT '',
    "lastPollOk" BOOLEAN NOT NULL DEFAULT false,
    "lastTaken" INTEGER NOT NULL DEFAULT 0,
    "totalTaken" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IngestSource_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IngestSource_url_key" ON "IngestSource"("url");

