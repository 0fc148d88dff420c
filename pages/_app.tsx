import type { AppProps } from "next/app";
import "@/components/reader/reader.css";

export default function ReaderApp({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
