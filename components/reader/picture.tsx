import { cropSize, srcset, renditionUrl, type PublicImage } from "@/lib/media/urls";
import type { Crop } from "@/lib/media/schema";

/**
 * A library image as readers get it: AVIF, then WebP, then JPEG, each at the widths the image has,
 * with its intrinsic size so nothing shifts as it loads. `lead` marks the article's lead image:
 * the page's largest paint, so it is fetched first rather than lazily.
 */
export function Picture({
  image,
  crop = "full",
  sizes,
  lead = false,
  className,
}: {
  image: PublicImage;
  crop?: Crop;
  sizes: string;
  lead?: boolean;
  className?: string;
}) {
  const fallbackWidth = 960;
  const size = cropSize(image, crop, fallbackWidth);
  return (
    <picture>
      <source type="image/avif" srcSet={srcset(image, crop, "avif")} sizes={sizes} />
      <source type="image/webp" srcSet={srcset(image, crop, "webp")} sizes={sizes} />
      <img
        src={renditionUrl(image, crop, fallbackWidth)}
        srcSet={srcset(image, crop, "jpg")}
        sizes={sizes}
        width={size.width}
        height={size.height}
        alt={image.decorative ? "" : image.alt}
        className={className}
        decoding="async"
        {...(lead ? { fetchPriority: "high" as const, loading: "eager" as const } : { loading: "lazy" as const })}
      />
    </picture>
  );
}
