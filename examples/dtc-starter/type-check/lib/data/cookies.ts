// Mirror of dtc-starter's src/lib/data/cookies.ts (the part the drop-ins use).
export declare const getAuthHeaders: () => Promise<{ authorization: string } | Record<string, never>>
export declare const getCacheTag: (tag: string) => Promise<string>
