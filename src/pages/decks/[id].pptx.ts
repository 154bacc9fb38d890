// The ready deck of each partner type on the dev server. A build writes dist/decks/<type>.pptx
// from its worker pool instead (src/integrations/ready-decks.ts), so a build generates no page
// from this route.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDataset } from '../../site/dataset.ts';
import { builtDeck } from '../../site/decks.ts';
import { decksFromBuild } from 'virtual:partnerkit/dataset';

export const getStaticPaths: GetStaticPaths = () =>
  decksFromBuild ? [] : getDataset().partnerTypes.map((t) => ({ params: { id: t.id } }));

export const GET: APIRoute = async ({ params }) => {
  const { bytes } = await builtDeck(params.id!);
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    },
  });
};
