/**
 * The production adapter: the Store port on the CloudBase document database (@cloudbase/node-sdk).
 * One file per repository of the port, beside a small kit: the collections (collections.ts),
 * typed reads and writes (kit.ts, transaction.ts) and the guard documents that make values
 * unique (guards.ts). Each file says how its invariants hold when requests race.
 *
 * Documents store the port's fields, `_id` being the entity id (bindings aside, see bindings.ts).
 */
import type { Store } from '../port';
import { cloudbaseApiKeys } from './api-keys';
import { cloudbaseAudit } from './audit';
import { cloudbaseBindings } from './bindings';
import { cloudbaseCheckins } from './checkins';
import { cloudbaseCodes } from './codes';
import { cloudbaseHolidays } from './holidays';
import { cloudbaseImportJobs } from './import-jobs';
import { cloudbaseImports, rollbackImport } from './imports';
import { cloudbaseKit, type App } from './kit';
import { cloudbaseLectures } from './lectures';
import { cloudbaseMessages } from './messages';
import { cloudbaseMeta } from './meta';
import { cloudbaseNoticeFanouts } from './notice-fanouts';
import { cloudbasePairings } from './pairings';
import { cloudbasePeople } from './people';
import { cloudbasePoints } from './points';
import { indexPeopleForSearch } from './people-search';
import { cloudbaseRateLimits } from './rate-limits';
import { cloudbaseRegistrations } from './registrations';
import { cloudbaseReportQueries } from './report-queries';
import { cloudbaseReports } from './reports';
import { cloudbaseServiceRecords } from './service-records';
import { cloudbaseSessions } from './sessions';
import { cloudbaseShop } from './shop';
import { cloudbaseSpeakers } from './speakers';
import { cloudbaseSubscribeSends } from './subscribe-sends';
import { cloudbaseUnits, repairPaths } from './units';
import { cloudbaseWishes } from './wishes';
import { cloudbasePropertyCompanies } from './property-companies';
import { cloudbaseAssessments } from './assessments';
import { cloudbaseTopics } from './topics';
import { cloudbaseVotes } from './votes';
import { cloudbaseCompoundRules } from './compound-rules';
import { cloudbasePartners } from './partners';
import { cloudbaseNeeds } from './needs';
import { cloudbaseProjects } from './projects';
import { cloudbasePartnerVisits } from './partner-visits';

export { COLLECTIONS, ensureCollections, type IndexDecl } from './collections';
export { bindingKey, siblingKey } from './guards';
export { PAGE } from './kit';

export interface CloudbaseStore extends Store {
  readonly kind: 'cloudbase';
  /** Recomputes the path of everything below the unit from parentId; safe to run any time. */
  repairPaths(unitId: string): Promise<number>;
  /** Undoes an import that stopped halfway (its marker still says "writing"); safe to repeat. */
  rollbackImport(batchId: string): Promise<boolean>;
  /** Gives search keys to people written before they had them (people-search.ts), until `deadline` (Date.now ms); safe to repeat. */
  indexPeopleForSearch(deadline?: number): Promise<number>;
}

export function openCloudbaseStore(app: App, opts: { prefix?: string } = {}): CloudbaseStore {
  // app.database() resets the process-wide request class each time: call it once per store.
  const kit = cloudbaseKit(app.database(), opts.prefix ?? '');
  const units = cloudbaseUnits(kit);
  const people = cloudbasePeople(kit, units);
  const bindings = cloudbaseBindings(kit);
  return {
    kind: 'cloudbase',
    units,
    people,
    bindings,
    sessions: cloudbaseSessions(kit),
    audit: cloudbaseAudit(kit),
    messages: cloudbaseMessages(kit),
    reports: cloudbaseReports(kit),
    reportQueries: cloudbaseReportQueries(kit),
    meta: cloudbaseMeta(kit),
    imports: cloudbaseImports(kit, { units, people, bindings }),
    importJobs: cloudbaseImportJobs(kit),
    holidays: cloudbaseHolidays(kit),
    codes: cloudbaseCodes(kit),
    rateLimits: cloudbaseRateLimits(kit),
    registrations: cloudbaseRegistrations(kit),
    lectures: cloudbaseLectures(kit),
    speakers: cloudbaseSpeakers(kit),
    apiKeys: cloudbaseApiKeys(kit),
    subscribeSends: cloudbaseSubscribeSends(kit),
    noticeFanouts: cloudbaseNoticeFanouts(kit),
    checkins: cloudbaseCheckins(kit),
    pairings: cloudbasePairings(kit),
    points: cloudbasePoints(kit),
    shop: cloudbaseShop(kit),
    serviceRecords: cloudbaseServiceRecords(kit),
    wishes: cloudbaseWishes(kit),
    propertyCompanies: cloudbasePropertyCompanies(kit),
    assessments: cloudbaseAssessments(kit),
    topics: cloudbaseTopics(kit),
    votes: cloudbaseVotes(kit),
    compoundRules: cloudbaseCompoundRules(kit),
    partners: cloudbasePartners(kit),
    needs: cloudbaseNeeds(kit),
    projects: cloudbaseProjects(kit),
    partnerVisits: cloudbasePartnerVisits(kit),
    rollbackImport: (batchId) => rollbackImport(kit, batchId),
    repairPaths: (unitId) => repairPaths(kit, unitId),
    indexPeopleForSearch: (deadline) => indexPeopleForSearch(kit, deadline),
    async close() {
      // Nothing to release: the SDK keeps no connection per store.
    },
  };
}
