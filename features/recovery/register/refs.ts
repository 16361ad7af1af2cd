import { type EntityRef, entityRef } from '../../../electron/shared/entity-ref';

/** The history subjects of the register: a project's rows (RAG, milestones, KPIs, years, agreements) are its history. */
export const PROJECT_ENTITY = 'recovery_project';
export const WORKSTREAM_ENTITY = 'workstream';

export const projectRef = (projectId: number | string): EntityRef => entityRef(PROJECT_ENTITY, projectId);
export const workstreamRef = (workstreamId: number | string): EntityRef => entityRef(WORKSTREAM_ENTITY, workstreamId);
