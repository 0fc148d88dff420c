import { createContext, useContext } from "react";
import { environmentSite, type Site } from "@/lib/site";

/** The publication's identity for every reader component, from the page's props (pages/_app.tsx). */
export const SiteContext = createContext<Site>(environmentSite);

export const useSite = () => useContext(SiteContext);
