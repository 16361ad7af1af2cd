import type { PaperTemplate, StandingItem } from '../types';
import type { BodyKind } from '../words';

/** domain.md section 7: the Schools Forum paper. */
const FORUM_PAPER: PaperTemplate = {
  kind: 'forum',
  name: 'Schools Forum paper',
  fields: [
    { key: 'to', label: 'To', kind: 'text' },
    { key: 'date', label: 'Date', kind: 'date' },
    { key: 'title', label: 'Title', kind: 'text' },
    { key: 'author', label: 'Author', kind: 'text' },
  ],
  preamble: [],
  sections: [
    { key: 'purpose', heading: 'Purpose' },
    { key: 'recommendations', heading: 'Recommendations' },
    { key: 'reasons', heading: 'Reasons' },
    { key: 'alternatives', heading: 'Alternatives considered' },
    { key: 'supporting_information', heading: 'Supporting information' },
    { key: 'appendices', heading: 'Appendices' },
  ],
};

/** domain.md section 7a: the council report, for Cabinet and the boards. */
const COUNCIL_REPORT: PaperTemplate = {
  kind: 'council',
  name: 'Council report',
  fields: [
    { key: 'report_of', label: 'Report of', kind: 'text' },
    { key: 'report_to', label: 'Report to', kind: 'text' },
    { key: 'date', label: 'Date', kind: 'date' },
    { key: 'title', label: 'Title', kind: 'text' },
    { key: 'key_decision', label: 'Key decision', kind: 'yesno' },
    { key: 'forward_plan_ref', label: 'Forward plan reference', kind: 'text' },
    { key: 'wards_affected', label: 'Wards affected', kind: 'text' },
    { key: 'contact_officers', label: 'Contact officers', kind: 'text' },
  ],
  preamble: [
    { key: 'summary', heading: 'Summary of main issues' },
    { key: 'summary_recommendations', heading: 'Recommendations' },
  ],
  sections: [
    { key: 'purpose', heading: 'Purpose' },
    { key: 'background', heading: 'Background' },
    { key: 'main_issues', heading: 'Main issues' },
    {
      key: 'corporate_considerations',
      heading: 'Corporate considerations',
      children: [
        { key: 'consultation', heading: 'Consultation and engagement' },
        { key: 'equality', heading: 'Equality and diversity / cohesion and integration' },
        { key: 'council_policies', heading: 'Council policies and the council plan' },
        { key: 'resources', heading: 'Resources and value for money' },
        { key: 'legal', heading: 'Legal implications, access to information and call-in' },
        { key: 'risk', heading: 'Risk management' },
      ],
    },
    { key: 'conclusions', heading: 'Conclusions' },
    { key: 'recommendations', heading: 'Recommendations' },
    { key: 'background_documents', heading: 'Background documents' },
  ],
};

/** A fresh copy of a standard template, so a caller can change it without touching the standard. */
export function standardTemplate(kind: 'forum' | 'council'): PaperTemplate {
  return structuredClone(kind === 'forum' ? FORUM_PAPER : COUNCIL_REPORT);
}

/** The template a new body of this kind starts with: the forum paper for a Schools Forum, the council report for the rest. */
export const templateKindFor = (kind: BodyKind): 'forum' | 'council' => (kind === 'schools_forum' ? 'forum' : 'council');

/** The items every meeting of a body opens with (domain.md section 7, recurring items). */
export function standardStandingItems(_kind: BodyKind): StandingItem[] {
  // The forum and the boards open the same way; the kind is here so a body kind can differ later without a new signature.
  return [
    { kind: 'apologies', title: 'Apologies', purpose: 'information' },
    { kind: 'declarations', title: 'Declarations of interest', purpose: 'information' },
    { kind: 'minutes', title: 'Minutes of the last meeting', purpose: 'decision' },
    { kind: 'matters_arising', title: 'Matters arising and the action log', purpose: 'information' },
  ];
}

/** Every key a template uses, children included: the paper's header and sections are stored under them. */
export function templateKeys(t: PaperTemplate): { fields: string[]; sections: string[] } {
  return {
    fields: t.fields.map((f) => f.key),
    sections: [...t.preamble.map((s) => s.key), ...t.sections.flatMap((s) => [s.key, ...(s.children ?? []).map((c) => c.key)])],
  };
}
