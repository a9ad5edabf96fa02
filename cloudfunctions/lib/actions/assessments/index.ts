/**
 * The property assessment (物业测评), the `assessments` function: property companies and the
 * compounds they serve, the community's policy, the residents' monthly survey (one answer per
 * household), the month computed from reports and the survey, reviewed and published by staff,
 * and the compound's public page. The rules: src/core/assessment*.ts, src/core/property.ts.
 */
import type { FunctionDef } from '../define';
import { companies } from './companies';
import { compute } from './compute';
import { policy } from './policy';
import { publicPage } from './public';
import { review } from './review';
import { survey } from './survey';

export const assessments: FunctionDef = { ...companies, ...policy, ...survey, ...compute, ...review, ...publicPage };
