// One partner type's part of the "Tailor a deck" data (src/core/deck/page-data.ts): the type, the
// names its slides mention and its published stories. Fetched by the form for each type in the deck.
import type { APIRoute, GetStaticPaths } from 'astro';
import { deckTypeData } from '../../../core/deck/page-data.ts';
import { getDataset } from '../../../site/dataset.ts';
import { deckSources } from '../../../site/decks.ts';

export const getStaticPaths: GetStaticPaths = () => getDataset().partnerTypes.map((t) => ({ params: { id: t.id } }));

export const GET: APIRoute = ({ params }) => Response.json(deckTypeData(getDataset(), params.id!, deckSources().stories));
