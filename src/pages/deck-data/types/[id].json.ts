// One partner type's part of the "Tailor a deck" data (src/core/deck/page-data.ts): the type, the
// names its slides mention and its published stories. Fetched by the form for each type in the deck.
// Served from here by the dev server; a build's deck workers write the same JSON beside each ready
// deck (src/node/deck-worker.ts), so a build generates no page from this route.
import type { APIRoute, GetStaticPaths } from 'astro';
import { deckTypeData } from '../../../core/deck/page-data.ts';
import { playCards } from '../../../core/ecosystem/plays.ts';
import { getDataset } from '../../../site/dataset.ts';
import { deckSources } from '../../../site/decks.ts';
import { decksFromBuild } from 'virtual:partnerkit/dataset';

export const getStaticPaths: GetStaticPaths = () =>
  decksFromBuild ? [] : getDataset().partnerTypes.map((t) => ({ params: { id: t.id } }));

export const GET: APIRoute = ({ params }) =>
  Response.json(
    deckTypeData(
      getDataset(),
      params.id!,
      deckSources().stories,
      playCards(getDataset(), params.id!),
    ),
  );
