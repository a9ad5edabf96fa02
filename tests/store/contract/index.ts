/**
 * The Store contract: one suite, run against every adapter (sqlite.test.ts, cloudbase.test.ts),
 * the way unjs/unstorage runs `testDriver` for every driver. Each aggregate's part lives in its own
 * file here, beside the port's file of the same name, with the cases that must hold when requests race.
 */
import type { Store } from '../../../cloudfunctions/lib/store/port';
import type { ContractContext } from './context';
import { apiKeysContract } from './api-keys';
import { auditContract } from './audit';
import { bindingsContract } from './bindings';
import { checkinsContract } from './checkins';
import { codesContract } from './codes';
import { groupsContract } from './groups';
import { holidaysContract } from './holidays';
import { importJobsContract } from './import-jobs';
import { importsContract } from './imports';
import { lectureRecordsContract } from './lecture-records';
import { lecturesContract } from './lectures';
import { messagesContract } from './messages';
import { metaContract } from './meta';
import { noticeFanoutsContract } from './notice-fanouts';
import { pairingsContract } from './pairings';
import { peopleContract } from './people';
import { peopleConsentContract } from './people-consent';
import { peopleCorrectionsContract } from './people-corrections';
import { peopleLeavingContract } from './people-leaving';
import { pointsContract } from './points';
import { rateLimitsContract } from './rate-limits';
import { registrationsContract } from './registrations';
import { reportQueriesContract } from './report-queries';
import { reportRetentionContract } from './report-retention';
import { reportScaleContract } from './report-scale';
import { reportWritesContract } from './report-writes';
import { reportsContract } from './reports';
import { serviceRecordsContract } from './service-records';
import { sessionsContract } from './sessions';
import { shopContract } from './shop';
import { speakersContract } from './speakers';
import { subscribeSendsContract } from './subscribe-sends';
import { timerClaimsContract } from './timer-claims';
import { unitsContract } from './units';
import { wishesContract } from './wishes';
import { propertyCompaniesContract } from './property-companies';
import { assessmentsContract } from './assessments';
import { partnersContract } from './partners';
import { needsContract } from './needs';
import { projectsContract } from './projects';
import { partnerVisitsContract } from './partner-visits';
import { topicsContract } from './topics';
import { votesContract } from './votes';
import { compoundRulesContract } from './compound-rules';

export interface AdapterHarness {
  /** A fresh, empty store for one test. */
  open(): Promise<Store>;
}

export function storeContract(name: string, harness: AdapterHarness) {
  describe(`Store contract: ${name}`, () => {
    let current: Store | null = null;
    const ctx: ContractContext = {
      store() {
        if (!current) throw new Error('the Store contract reads its store inside a test only');
        return current;
      },
    };
    beforeEach(async () => {
      current = await harness.open();
    });
    afterEach(async () => {
      await current?.close();
      current = null;
    });

    unitsContract(ctx);
    groupsContract(ctx);
    peopleContract(ctx);
    peopleCorrectionsContract(ctx);
    peopleConsentContract(ctx);
    peopleLeavingContract(ctx);
    bindingsContract(ctx);
    sessionsContract(ctx);
    messagesContract(ctx);
    reportsContract(ctx);
    reportWritesContract(ctx);
    reportRetentionContract(ctx);
    timerClaimsContract(ctx);
    reportQueriesContract(ctx);
    reportScaleContract(ctx);
    importsContract(ctx);
    importJobsContract(ctx);
    auditContract(ctx);
    metaContract(ctx);
    holidaysContract(ctx);
    codesContract(ctx);
    rateLimitsContract(ctx);
    registrationsContract(ctx);
    lecturesContract(ctx);
    lectureRecordsContract(ctx);
    speakersContract(ctx);
    checkinsContract(ctx);
    pairingsContract(ctx);
    pointsContract(ctx);
    shopContract(ctx);
    serviceRecordsContract(ctx);
    wishesContract(ctx);
    propertyCompaniesContract(ctx);
    assessmentsContract(ctx);
    partnersContract(ctx);
    needsContract(ctx);
    projectsContract(ctx);
    partnerVisitsContract(ctx);
    topicsContract(ctx);
    votesContract(ctx);
    compoundRulesContract(ctx);
    subscribeSendsContract(ctx);
    noticeFanoutsContract(ctx);
    apiKeysContract(ctx);
  });
}
