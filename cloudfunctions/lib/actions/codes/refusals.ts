/**
 * Why a code cannot be used, said so the person holding it knows whom to ask: each refusal keeps
 * its error code (CODE_REFUSAL_ERROR) and names the code's unit and who there makes codes.
 */
import { CODE_REFUSAL_ERROR, DomainError, codeRefusal, formatWhen, type Code, type CodePurpose, type CodeRefusal, type Unit } from '../../../../src/core';

/** Whom a person asks for a new code of each purpose (MAKES_CODES, as a resident would put it). */
const ASK: Record<CodePurpose, string> = {
  building: '楼栋长或社区',
  personal: '楼栋长或社区',
  member: '小区党支部或社区',
  public: '小区党支部或社区',
  venue: '社区工作人员',
};

function askFor(c: Pick<Code, 'purpose'>, unit: Pick<Unit, 'name'>): string {
  return `请向 ${unit.name} 的${ASK[c.purpose]}要一个新码`;
}

export function refusalMessage(reason: CodeRefusal, c: Pick<Code, 'purpose' | 'validFrom'>, unit: Pick<Unit, 'name'>, now: number): string {
  switch (reason) {
    case 'not_yet_valid':
      return `这个码${c.validFrom === null ? '还没到启用时间' : `${formatWhen(c.validFrom, now)} 起才能用`}，请到时再扫；急用请找 ${unit.name} 的${ASK[c.purpose]}`;
    case 'expired':
      return `这个码已过期。${askFor(c, unit)}`;
    case 'revoked':
      return `这个码已作废。${askFor(c, unit)}`;
    case 'used_up':
      return c.purpose === 'personal' ? `这个个人码已经用过了，只能用一次。${askFor(c, unit)}` : `这个码的使用次数已满。${askFor(c, unit)}`;
  }
}

export function refusalError(reason: CodeRefusal, c: Pick<Code, 'purpose' | 'validFrom'>, unit: Pick<Unit, 'name'>, now: number): DomainError {
  return new DomainError(CODE_REFUSAL_ERROR[reason], refusalMessage(reason, c, unit, now));
}

/**
 * Why the code cannot be used at `now`, as an error, or null. A code whose unit was archived (or
 * is gone) is no longer usable: it reads as revoked, with the community to ask.
 */
export function refusalOf(c: Code, unit: Unit | null, now: number): DomainError | null {
  if (!unit || unit.archived) return new DomainError('CODE.REVOKED', `这个码所属的${unit ? ` ${unit.name} ` : '单位'}已不再使用，请向社区要一个新码`);
  const reason = codeRefusal(c, now);
  return reason ? refusalError(reason, c, unit, now) : null;
}
