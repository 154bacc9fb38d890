// Modules the partnerkit() integration provides to pages (src/integrations/dataset-module.ts).
// An ambient declaration cannot import a relative module, hence the import() type below.
declare module 'virtual:partnerkit/dataset' {
  /** data/, validated before the build read anything. */
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  export const dataset: import('./core/dataset.ts').Dataset;
  /** True in a build: the integration renders the ready decks, so their routes are not pages. */
  export const decksFromBuild: boolean;
}
