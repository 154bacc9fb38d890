// A partner type's playbook narrative (content/playbooks), found by its `type`. A build reads the
// collection once and indexes it: a lookup per playbook page that scanned it would cost the
// number of types squared. The dev server reads it afresh, so an edited playbook shows.
import { getCollection, type CollectionEntry } from 'astro:content';

export type Playbook = CollectionEntry<'playbooks'>;

let byType: Promise<Map<string, Playbook>> | undefined;

/** The narrative written for `typeId`, if a marketer wrote one (the first, as listed). */
export async function playbookOf(typeId: string): Promise<Playbook | undefined> {
  const index = (byType ??= getCollection('playbooks').then((all) => {
    const map = new Map<string, Playbook>();
    for (const e of all) if (!map.has(e.data.type)) map.set(e.data.type, e);
    return map;
  }));
  if (import.meta.env.DEV) byType = undefined;
  return (await index).get(typeId);
}
