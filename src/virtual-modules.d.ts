// Modules the partnerkit() integration provides to pages (src/integrations/dataset-module.ts).
declare module 'virtual:partnerkit/dataset' {
  /** data/, validated before the build read anything. */
  export const dataset: import('./core/dataset.ts').Dataset;
  /** True in a build: the integration renders the ready decks, so their routes are not pages. */
  export const decksFromBuild: boolean;
}
