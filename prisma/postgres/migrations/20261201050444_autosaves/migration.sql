-- CreateTable
CREATE TABLE "Autosave" (
    "userId" TEXT NOT NULL,
    "draftKey" TEXT NOT NULL,
    "baseVersion" INTEGER NOT NULL,
    "fields" TEXT NOT NULL,
    "savedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Autosave_pkey" PRIMARY KEY ("userId","draftKey")
);

-- AddForeignKey
ALTER TABLE "Autosave" ADD CONSTRAINT "Autosave_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

