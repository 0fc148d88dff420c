// A synthetic WordPress export of any size, written as a stream (it can be larger than memory):
// posts with classic-editor paragraphs, an author of a hundred, categories and tags, and one
// attachment per ten posts as a featured image.
import { createWriteStream } from "node:fs";
import { once } from "node:events";

const WORDS = "council harbour river budget school bridge flood market station hospital election festival police road museum strike".split(
  " ",
);

export async function writeSyntheticWxr(file: string, posts: number): Promise<number> {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  let seed = 7;
  const word = () => WORDS[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % WORDS.length];
  const sentence = (n: number) => Array.from({ length: n }, word).join(" ");
  await write(
    `<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel><title>Synthetic</title><wp:wxr_version>1.2</wp:wxr_version>\n`,
  );
  for (let a = 0; a < 100; a++) {
    await write(
      `<wp:author><wp:author_login><![CDATA[user${a}]]></wp:author_login><wp:author_display_name><![CDATA[Reporter ${a}]]></wp:author_display_name></wp:author>\n`,
    );
  }
  for (let i = 0; i < posts; i++) {
    if (i % 10 === 0) {
      await write(
        `<item><title>photo-${i}</title><guid isPermaLink="false">https://synthetic.example/wp-content/uploads/p${i}.jpg</guid><wp:post_id>${1_000_000 + i}</wp:post_id><wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type><wp:attachment_url>https://synthetic.example/wp-content/uploads/p${i}.jpg</wp:attachment_url></item>\n`,
      );
    }
    const paragraphs = Array.from({ length: 6 }, () => sentence(40)).join("\n\n");
    const day = String(1 + (i % 28)).padStart(2, "0");
    await write(
      `<item><title><![CDATA[${sentence(6)} ${i}]]></title><link>https://synthetic.example/2024/01/${day}/post-${i}/</link>` +
        `<dc:creator><![CDATA[user${i % 100}]]></dc:creator><guid isPermaLink="false">https://synthetic.example/?p=${i}</guid>` +
        `<content:encoded><![CDATA[${paragraphs}]]></content:encoded><excerpt:encoded><![CDATA[${sentence(15)}]]></excerpt:encoded>` +
        `<wp:post_id>${i}</wp:post_id><wp:post_date_gmt>2024-01-${day} 08:00:00</wp:post_date_gmt><wp:post_name>post-${i}</wp:post_name>` +
        `<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>` +
        `<category domain="category" nicename="c${i % 20}"><![CDATA[Section ${i % 20}]]></category><category domain="post_tag" nicename="t${i % 500}"><![CDATA[Topic ${i % 500}]]></category>` +
        (i % 10 === 0
          ? `<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>${1_000_000 + i}</wp:meta_value></wp:postmeta>`
          : "") +
        `</item>\n`,
    );
  }
  await write("</channel>\n</rss>\n");
  out.end();
  await once(out, "finish");
  return posts;
}
