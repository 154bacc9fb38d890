// The part of the "Tailor a deck" data every deck shares (src/core/deck/page-data.ts), fetched by
// the form when its button is pressed.
import type { APIRoute } from 'astro';
import { deckSharedData } from '../../core/deck/page-data.ts';
import { getDataset } from '../../site/dataset.ts';
import { deckTemplates } from '../../site/decks.ts';

export const GET: APIRoute = () => Response.json(deckSharedData(getDataset(), deckTemplates()));
