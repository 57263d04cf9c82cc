// Mirror of dtc-starter's src/lib/data/locale-actions.ts (the part the drop-ins use).
export declare const getLocale: () => Promise<string | null>
