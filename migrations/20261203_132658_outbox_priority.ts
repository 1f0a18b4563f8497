import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_outbox_priority" AS ENUM('transactional', 'bulk');
  ALTER TABLE "outbox" ADD COLUMN "priority" "enum_outbox_priority" DEFAULT 'transactional' NOT NULL;
  CREATE INDEX "outbox_priority_idx" ON "outbox" USING btree ("priority");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "outbox_priority_idx";
  ALTER TABLE "outbox" DROP COLUMN "priority";
  DROP TYPE "public"."enum_outbox_priority";`)
}
