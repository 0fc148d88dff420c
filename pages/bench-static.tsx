// Written by scripts/bench.ts for one run, removed after it.
import { readFileSync } from "node:fs";
import { ReaderChrome } from "@/components/reader/chrome";
export const config = { runtime: "nodejs", unstable_runtimeJS: false };
export const getStaticProps = async () => ({ props: { html: readFileSync("public/_bench/main.html", "utf8") } });
export default function BenchStatic({ html }: { html: string }) {
  return <ReaderChrome><div dangerouslySetInnerHTML={{ __html: html }} /></ReaderChrome>;
}
