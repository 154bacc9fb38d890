// The vendor's brand colours as a stylesheet of their own, for anything outside the pages that
// wants them (pages carry the same rules inline, see Base.astro).
import type { APIRoute } from 'astro';
import { getDataset } from '../site/dataset.ts';
import { brandStylesheet } from '../site/brand.ts';

export const GET: APIRoute = () =>
  new Response(`${brandStylesheet(getDataset().vendor.brand)}\n`, {
    headers: { 'content-type': 'text/css; charset=utf-8' },
  });
