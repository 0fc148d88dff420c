import { FrontPage } from "@/components/reader/front-page";

export const revalidate = 1;

export default function HomePage() {
  return <FrontPage page={1} />;
}
