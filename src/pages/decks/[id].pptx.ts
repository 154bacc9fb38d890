// The ready deck of each partner type, written into dist/decks/<type>.pptx at build time
// (DEFLATE-compressed), and served the same way by `npm run dev`.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDataset } from '../../site/dataset.ts';
import { builtDeck } from '../../site/decks.ts';

export const getStaticPaths: GetStaticPaths = () => getDataset().partnerTypes.map((t) => ({ params: { id: t.id } }));

export const GET: APIRoute = async ({ params }) => {
  const { bytes } = await builtDeck(params.id!);
  return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.presentationml.presentation' } });
};
