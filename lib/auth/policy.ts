import type { Role } from "@/lib/users/schema";

/**
 * Who may do what in the workspace: the one table every workspace query and mutation is checked
 * against (through `authorized` in ./actor). Readers' rules live in each domain's visibility policy.
 */
export const PERMISSIONS = {
  /** Open the workspace at all: who am I, sign out. */
  workspace: ["ADMIN", "EDITOR"],
  /** Read, write, schedule, publish and trash articles; read their revisions. */
  "articles:edit": ["ADMIN", "EDITOR"],
  /** See the trash and bring articles back from it. */
  "articles:restore": ["ADMIN"],
  "authors:edit": ["ADMIN", "EDITOR"],
  /** Upload pictures, describe them, choose lead images; delete those no article uses. */
  "media:edit": ["ADMIN", "EDITOR"],
  /** See related-story links and the report of links to review. */
  "related-links:read": ["ADMIN", "EDITOR"],
  /** Add, attach, reorder and remove related-story links; switch them on or off. */
  "related-links:curate": ["ADMIN"],
  "users:manage": ["ADMIN"],
  /** The publication's name, logo, link-preview picture and icon. */
  "site:settings": ["ADMIN"],
  "audit:read": ["ADMIN"],
  /** The wires and feeds the newsroom takes copy from: add, change, remove, poll now. */
  "ingest:manage": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleMay(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
