import { buttonClass, inputClass } from "@/components/ui/field";

/** A list's search box (`?q=`), sent as a plain GET: it works before any script has run. */
export function SearchForm({ label, q }: { label: string; q: string }) {
  return (
    <form method="get" role="search" className="mb-4 flex items-end gap-2">
      <label className="text-sm">
        <span className="block font-semibold">{label}</span>
        <input name="q" type="search" defaultValue={q} className={inputClass} />
      </label>
      <button type="submit" className={buttonClass}>
        Find
      </button>
    </form>
  );
}
