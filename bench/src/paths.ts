import { fileURLToPath } from 'node:url';

/** The workspace root and the bench folder, whatever the working directory. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BENCH = fileURLToPath(new URL('../', import.meta.url));
