import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { MediaUpload } from "@/components/admin/media-upload";
import { BulkCreditBox, BulkCreditForm } from "@/components/admin/bulk-credit";
import { setCreditAction } from "./actions";
import { buttonClass, inputClass } from "@/components/ui/field";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { requireStaffPage } from "@/lib/auth/session";
import { listImages } from "@/lib/media/queries";
import { imageListSchema, needsAltText } from "@/lib/media/schema";
import { renditionUrl } from "@/lib/media/urls";
import { displayName } from "@/lib/users/schema";

export const metadata: Metadata = { title: "Media" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MediaPage({ searchParams }: Props) {
  const raw = await searchParams;
  const { actor } = await requireStaffPage("/admin/media", "media:edit");
  const parsed = imageListSchema.safeParse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const query = parsed.success ? parsed.data : imageListSchema.parse({});
  const list = await listImages(actor, query);
  const filters = { q: query.q, uploader: query.uploader, month: query.month, view: query.view };
  const hrefFor = (change: Partial<typeof filters & { page: number }>) =>
    `/admin/media?${new URLSearchParams(
      Object.entries({ ...filters, ...change })
        .filter(([, v]) => v !== "" && v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    )}`;
  const filtered = Boolean(query.q || query.uploader || query.month);
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Media</h1>
      {raw.deleted && (
        <p role="status" className="mb-4 rounded bg-green-100 p-2">
          Picture deleted.
        </p>
      )}
      <MediaUpload />
      <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="block font-semibold">Alt text, caption, credit or file name</span>
          <input name="q" type="search" defaultValue={query.q} className={inputClass} />
        </label>
        <label className="text-sm">
          <span className="block font-semibold">Uploaded by</span>
          <select name="uploader" defaultValue={query.uploader} className={inputClass}>
            <option value="">Anyone</option>
            {list.uploaders.map((u) => (
              <option key={u.id} value={u.id}>
                {displayName(u)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-semibold">Month</span>
          <input name="month" type="month" defaultValue={query.month} className={inputClass} />
        </label>
        <input type="hidden" name="view" value={query.view} />
        <button type="submit" className={buttonClass}>
          Find
        </button>
      </form>
      <p className="mb-2 flex flex-wrap justify-between gap-2 text-sm text-muted">
        <span>
          {list.total.toLocaleString("en")} {list.total === 1 ? "picture" : "pictures"}
          {filtered && " match"}
        </span>
        <span>
          View:{" "}
          {query.view === "grid" ? (
            <>
              <strong>Grid</strong> ·{" "}
              <Link href={hrefFor({ view: "list" })} className="underline">
                List
              </Link>
            </>
          ) : (
            <>
              <Link href={hrefFor({ view: "grid" })} className="underline">
                Grid
              </Link>{" "}
              · <strong>List</strong>
            </>
          )}
        </span>
      </p>
      {query.view === "grid" ? (
        <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4" aria-label="Pictures">
          {list.images.map((image) => (
            <li key={image.id} className="rounded border border-rule p-2">
              <Link href={`/admin/media/${image.id}`} className="block">
                {/* eslint-disable-next-line @next/next/no-img-element -- library thumbnails are renditions already */}
                <img
                  src={renditionUrl(image, "4x3", 320, "webp")}
                  alt=""
                  width={320}
                  height={240}
                  loading="lazy"
                  className="h-auto w-full bg-rule"
                />
                <span className="mt-1 block truncate text-sm font-semibold">
                  {image.caption || image.alt || image.originalName || "Untitled"}
                </span>
              </Link>
              <span className="block text-xs text-muted">
                {image.credit && `${image.credit} · `}
                {image._count.leadOf > 0 ? `used in ${image._count.leadOf}` : "unused"}
              </span>
              {needsAltText(image) && (
                <span className="mt-1 inline-block rounded bg-amber-100 px-1 text-xs text-amber-900">No alt text</span>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <>
          <BulkCreditForm action={setCreditAction} />
          <DataTable columns={[{ hidden: "Select" }, "Picture", "Alt text", "Credit", "Size", "Uploaded", "Used in"]}>
            {list.images.map((image) => (
              <tr key={image.id} className="border-b border-rule">
                <td>
                  <BulkCreditBox value={image.id} label={`Select ${image.originalName || image.alt || "picture"}`} />
                </td>
                <td className="py-1">
                  <Link href={`/admin/media/${image.id}`} className="underline">
                    {image.originalName || "Untitled"}
                  </Link>
                </td>
                <td>{image.decorative ? <em>decorative</em> : image.alt || <span className="text-accent">missing</span>}</td>
                <td>{image.credit}</td>
                <td>
                  {image.width} × {image.height}
                </td>
                <td>
                  {image.createdAt.toISOString().slice(0, 10)}
                  {image.uploadedBy && ` by ${displayName(image.uploadedBy)}`}
                </td>
                <td>{image._count.leadOf}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
      {list.total === 0 && (
        <p className="text-muted">
          {filtered ? "No pictures match. Clear a filter to see more." : "No pictures yet. Upload the first above."}
        </p>
      )}
      <Pagination page={list.page} pages={list.pages} hrefFor={(page) => hrefFor({ page })} />
    </>
  );
}
