import { mayAnswerSurvey, mayRunAssessments, maySeeAssessments, assessmentRootsOf, surveyBindingsIn, ROLES, type Role, type ScopedBinding } from '../../src/core';
import { unit } from '../support/factories';

const street = unit(null, 'street', '幸福街道');
const community = unit(street, 'community', '阳光社区');
const compound = unit(community, 'compound', '幸福里小区');
const building = unit(compound, 'building', '1号楼');
const otherCompound = unit(community, 'compound', '和平小区');
const otherBuilding = unit(otherCompound, 'building', '2号楼');
const b = (role: Role, u: typeof compound, archived = false): ScopedBinding => ({ role, unit: { id: u.id, path: u.path, kind: u.kind, archived } });

describe('who may: property assessments', () => {
  it('lets community staff, the secretary and the street run them; nobody else', () => {
    const runs = ROLES.filter((r) => mayRunAssessments([b(r, r === 'street_officer' ? street : community)], compound));
    expect(runs).toEqual(['community_staff', 'community_secretary', 'street_officer']);
    expect(mayRunAssessments([b('property_manager', compound)], compound)).toBe(false);
    expect(mayRunAssessments([b('community_staff', community, true)], compound)).toBe(false);
  });

  it('lets a resident of a building of the compound answer, not one of another compound, nor a lead', () => {
    expect(mayAnswerSurvey([b('resident', building)], compound)).toBe(true);
    expect(mayAnswerSurvey([b('resident', otherBuilding)], compound)).toBe(false);
    expect(mayAnswerSurvey([b('building_lead', building)], compound)).toBe(false);
    expect(mayAnswerSurvey([b('resident', building, true)], compound)).toBe(false);
    expect(surveyBindingsIn([b('resident', otherBuilding), b('resident', building)], compound)).toHaveLength(1);
  });

  it('shows the results to anyone bound in the compound or above it, not to another compound', () => {
    expect(maySeeAssessments([b('resident', building)], compound)).toBe(true);
    expect(maySeeAssessments([b('property_manager', compound)], compound)).toBe(true);
    expect(maySeeAssessments([b('community_staff', community)], compound)).toBe(true);
    expect(maySeeAssessments([b('resident', otherBuilding)], compound)).toBe(false);
  });

  it('names the top units a person runs, none under another', () => {
    expect(assessmentRootsOf([b('community_staff', community), b('street_officer', street)]).map((u) => u.id)).toEqual([street.id]);
  });
});
