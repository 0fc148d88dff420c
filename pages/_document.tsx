import { Head, Html, Main, NextScript } from "next/document";

// The reader pages' document (pages/): the workspace has its own in app/layout.tsx.
export default function ReaderDocument() {
  return (
    <Html lang="en">
      <Head />
      <body className="min-h-screen bg-paper font-sans text-ink antialiased">
        <Main />
        {/* Renders nothing on reader pages: each says `unstable_runtimeJS: false`. */}
        <NextScript />
      </body>
    </Html>
  );
}
