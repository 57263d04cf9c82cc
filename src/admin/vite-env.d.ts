/**
 * Replaced by the host admin's Vite build with the configured `admin.backendUrl` ("/"
 * unless set). A plugin's admin code is built before it knows the host, so it reads the
 * global rather than `import.meta.env` (see Medusa's plugin admin docs).
 */
declare const __BACKEND_URL__: string | undefined
