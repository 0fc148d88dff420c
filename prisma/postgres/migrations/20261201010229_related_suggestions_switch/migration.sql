-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "suggestionsEnabled" BOOLEAN NOT NULL DEFAULT true;

