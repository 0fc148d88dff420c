import sharp from "sharp";

/** A JPEG as a phone writes it: camera make and model, a GPS position, and a rotation to apply. */
export async function phonePhoto({ width = 400, height = 200, seed = 0 } = {}): Promise<Buffer> {
  // Left half red, right half blue: a crop shows which side it kept. `seed` makes the bytes unique.
  const half = (colour: string) =>
    sharp({ create: { width: width / 2, height, channels: 3, background: colour } })
      .png()
      .toBuffer();
  return sharp({ create: { width, height, channels: 3, background: { r: seed % 256, g: 0, b: 0 } } })
    .composite([
      { input: await half("#ff0000"), left: 0, top: 0 },
      { input: await half("#0000ff"), left: width / 2, top: 0 },
      { input: Buffer.from([seed % 256, 1, 2]), raw: { width: 1, height: 1, channels: 3 }, left: 0, top: 0 },
    ])
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: "TestCam", Model: "Secret 100", ImageDescription: `photo ${seed}` },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" },
    })
    .toBuffer();
}

/** The GPS IFD pointer tag (0x8825), in either byte order: present means a position is recorded. */
export function hasGpsTag(exif: Buffer | undefined): boolean {
  return Boolean(exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]))));
}

/** A valid 10 × 10 PNG whose header then claims 30,000 × 30,000 pixels: a decompression bomb. */
export async function pngBomb(): Promise<Buffer> {
  const png = Buffer.from(
    await sharp({ create: { width: 10, height: 10, channels: 3, background: "red" } })
      .png()
      .toBuffer(),
  );
  png.writeUInt32BE(30_000, 16);
  png.writeUInt32BE(30_000, 20);
  return png;
}

/** The average colour of an encoded image, to tell a red crop from a blue one. */
export async function averageColour(bytes: Buffer): Promise<{ r: number; b: number }> {
  const { channels } = await sharp(bytes).stats();
  return { r: channels[0].mean, b: channels[2].mean };
}
