import { FrontPage } from "@/components/reader/front-page";
import { listPublishedArticles } from "@/lib/articles/reader";

export const revalidate = 1;

export default async function HomePage() {
  const { articles, pages } = await listPublishedArticles(1);
  return <FrontPage page={1} pages={pages} articles={articles} />;
}
