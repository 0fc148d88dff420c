import { ReaderChrome } from "@/components/reader/chrome";

export default function ReaderLayout({ children }: { children: React.ReactNode }) {
  return <ReaderChrome>{children}</ReaderChrome>;
}
