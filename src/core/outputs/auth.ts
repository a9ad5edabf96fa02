/** Outputs of the auth function: who the caller is and signing in. */
import type { Role } from '../roles';
import type { PersonView } from '../people';
import type { UnitRef } from '../views';

export interface MyBinding {
  id: string;
  role: Role;
  roleLabel: string;
  unit: UnitRef;
  /** Names from the top of the tree down to the unit: "幸福街道 / 阳光社区 / 幸福里小区 / 3号楼". */
  trail: string;
}

export interface Me {
  registered: true;
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
