/** Speakers on CloudBase: one document per speaker, `_id` its id; an edit is one update conditional on the version. */
import type { Speaker } from '../../../../src/core';
import type { SpeakerRepo } from '../port';
import type { CloudbaseKit, Stored } from './kit';

export interface SpeakerDoc extends Stored, Omit<Speaker, 'id'> {}

const toSpeaker = ({ _id, ...d }: SpeakerDoc): Speaker => ({
  id: _id,
  ...d,
  title: d.title ?? null,
  field: d.field ?? null,
  affiliation: d.affiliation ?? null,
  contact: d.contact ?? null,
});

export function cloudbaseSpeakers(kit: CloudbaseKit): SpeakerRepo {
  const coll = () => kit.coll('speakers');
  const get = async (id: string) => {
    const d = await kit.docById<SpeakerDoc>('speakers', id);
    return d ? toSpeaker(d) : null;
  };
  return {
    async insert({ id, ...s }) {
      await coll().add({ _id: id, ...s });
    },
    get,
    async getMany(ids) {
      return (await kit.byIds<SpeakerDoc>('speakers', ids)).map(toSpeaker);
    },
    async listForCommunity(communityId, opts = {}) {
      const where = opts.includeArchived ? { communityId } : { communityId, archived: false };
      return (await kit.drainBySkip<SpeakerDoc>(coll().where(where).orderBy('name', 'asc').orderBy('_id', 'asc'))).map(toSpeaker);
    },
    async update(id, version, fields, at) {
      const n = await kit.update(coll().where({ _id: id, version }), { ...fields, updatedAt: at, version: version + 1 });
      return n === 1 ? get(id) : null;
    },
  };
}
