import { NotFoundMessage } from "@/components/reader/chrome";

// A missing article, author or page inside the reader site: the reader layout is already around it.
export default function ReaderNotFound() {
  return <NotFoundMessage />;
}
