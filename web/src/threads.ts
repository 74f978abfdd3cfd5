// The shapes of the supervision and assistance API (docs/supervision-cooperation.md).
export interface Report { id: number; due_on: string; text: string; reporter_name: string; reported_at: string; late: boolean }
export interface Supervision {
  id: number; case_id: number; case_unit_code: string; supervising_unit_code: string; level: string; instructions: string;
  deadline_on: string; report_interval_days: number; next_report_due_on: string | null; state: string; overdue: boolean;
  escalated_at: string | null; conclusion: string | null; opened_at: string; reports: Report[];
}
export interface AssistanceAttachment { id: number; filename: string; size: number; content_type: string; uploaded_at: string }
export interface Assistance {
  id: number; direction: string; case_id: number | null; case_no: string | null; case_title: string | null;
  from_unit_code: string | null; to_unit_code: string | null; external_party_id: number | null; external_party_name: string | null;
  external_reference: string | null; questions: string; requested_on: string; due_on: string; extension_notice: string | null;
  state: string; answer: string | null; answered_at: string | null; withdrawn_at: string | null; attachments: AssistanceAttachment[];
}
