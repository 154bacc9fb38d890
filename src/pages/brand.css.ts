// The vendor's brand colours as CSS custom properties, built from data/vendor.yaml into a
// same-origin stylesheet (no inline styles, so the strict CSP holds).
import type { APIRoute } from 'astro';
import { getDataset } from '../site/dataset.ts';

export const GET: APIRoute = () => {
  const { brand } = getDataset().vendor;
  const css = `:root {\n  --brand: ${brand.primary};\n  --brand-2: ${brand.secondary};\n  --accent: ${brand.accent};\n  --ink: ${brand.text};\n}\n`;
  return new Response(css, { headers: { 'content-type': 'text/css; charset=utf-8' } });
};
