// The vendor's brand colours (data/vendor.yaml `brand:`, each a validated hex colour) as CSS
// custom properties over the design system's defaults (src/styles/global.css).
import type { Dataset } from '../core/dataset.ts';

export const brandStylesheet = (brand: Dataset['vendor']['brand']): string =>
  `:root{--brand:${brand.primary};--brand-2:${brand.secondary};--accent:${brand.accent};--ink:${brand.text}}`;
