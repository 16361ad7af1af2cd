import type { KindDef } from '../../electron/server/workbooks/engine/kind';
import { agreementsKind } from './agreements/kinds/agreements';
import { planFundingKind } from './plan/kinds/plan-funding';
import { planLinesKind } from './plan/kinds/plan-lines';
import { projectKpisKind } from './register/kinds/project-kpis';
import { projectsKind } from './register/kinds/projects';
import { safetyValveReturn } from './safety-valve/kinds/safety-valve-return';

/** The feature's round-trip workbook kinds, one line each (each area's kinds/ folder). */
// biome-ignore lint/suspicious/noExplicitAny: each kind has its own scope type
export const RECOVERY_KINDS: ReadonlyArray<KindDef<any>> = [planLinesKind, planFundingKind, safetyValveReturn, agreementsKind, projectsKind, projectKpisKind];
