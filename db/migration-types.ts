export interface EmbeddedMigration {
  /** drizzle-kit's tag, e.g. "0000_foundation". */
  tag: string;
  /** drizzle-kit's journal timestamp; also what __drizzle_migrations.created_at records. */
  when: number;
  sql: string;
}
