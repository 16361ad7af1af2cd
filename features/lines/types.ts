/** Budget lines: the authority's cost centres under the s251 lines, grouped by provision type. */

export interface ProvisionGroupInfo {
  id: number;
  code: string;
  name: string;
  sortOrder: number;
}

export interface S251LineInfo {
  code: string;
  name: string;
}

export interface BudgetLineInfo {
  id: number;
  code: string;
  name: string;
  s251Code: string | null;
  groupId: number;
  groupName: string;
  sortOrder: number;
  holder: string;
  active: boolean;
}

export interface LineRef {
  lineId: number;
  code: string;
  name: string;
  s251Code: string | null;
  groupId: number;
  holder: string;
}

export interface GroupHeader {
  groupId: number;
  code: string;
  name: string;
}
