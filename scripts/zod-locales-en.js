// Stands in for zod's locale index in Handover's bundles (see build-electron.mjs): English only.
export { default as en } from 'zod/v4/locales/en.js';
