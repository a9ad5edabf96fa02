/**
 * What each action returns. The client's services/api.ts is typed by this file and schemas.ts,
 * so a change here is checked on both sides.
 */
import type { Role } from './roles';
import type { Unit, UnitKind } from './units';
import type { PersonView } from './people';
import type { ActionInput, ActionName, FunctionName } from './schemas';

export interface UnitRef {
  id: string;
  name: string;
  kind: UnitKind;
  path: string;
}

export interface MyBinding {
  id: string;
  role: Role;
  roleLabel: string;
  unit: UnitRef;
  /** Names from the top of the tree down to the unit: "幸福街道 / 阳光社区 / 幸福里小区 / 3号楼". */
  trail: string;
}

export interface Me {
  person: PersonView;
  bindings: MyBinding[];
  /** Works from the web management page. */
  isStaff: boolean;
  /** Handles reports in the handler pages. */
  isHandler: boolean;
}

export interface SignedIn {
  token: string;
  expiresAt: number;
  me: Me;
}

export interface DemoLogin {
  role: Role;
  roleLabel: string;
  name: string;
  username: string;
  password: string;
  unit: string;
}

export interface BindingView {
  id: string;
  role: Role;
  roleLabel: string;
  unitId: string;
  person: PersonView;
  createdAt: number;
}

export interface MessageView {
  id: string;
  kind: string;
  title: string;
  body: string;
  page: string | null;
  createdAt: number;
  read: boolean;
}

export interface Outputs {
  auth: {
    signIn: SignedIn;
    signOut: { signedOut: true };
    whoAmI: Me;
    demoLogins: DemoLogin[];
  };
  units: {
    tree: { units: Unit[] };
    create: Unit;
    rename: Unit;
    move: Unit;
    archive: Unit;
    bindings: BindingView[];
    bind: BindingView;
    unbind: { removed: true };
  };
  messages: {
    list: { messages: MessageView[]; unread: number; more: boolean };
    markRead: { marked: number; unread: number };
  };
  people: {
    search: PersonView[];
    create: PersonView;
  };
}

export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = F extends keyof Outputs
  ? A extends keyof Outputs[F]
    ? Outputs[F][A]
    : never
  : never;

export type { ActionInput, ActionName, FunctionName };
