import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_crm_bookings_source" AS ENUM('platform', 'external');
  CREATE TYPE "public"."enum_crm_bookings_status" AS ENUM('received', 'cancelled');
  CREATE TYPE "public"."enum_crm_bookings_crm_status" AS ENUM('new', 'reviewed', 'contacted', 'confirmed', 'completed');
  CREATE TYPE "public"."enum_crm_status_changes_from_status" AS ENUM('new', 'reviewed', 'contacted', 'confirmed', 'completed');
  CREATE TYPE "public"."enum_crm_status_changes_to_status" AS ENUM('new', 'reviewed', 'contacted', 'confirmed', 'completed');
  CREATE TYPE "public"."enum_crm_status_changes_actor" AS ENUM('system', 'service', 'staff', 'facilitator');
  CREATE TABLE "crm_bookings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"source" "enum_crm_bookings_source" DEFAULT 'platform' NOT NULL,
  	"booking_id" numeric NOT NULL,
  	"registration_id" integer,
  	"user_id" numeric,
  	"user_email" varchar,
  	"user_name" varchar,
  	"user_phone" varchar,
  	"event_id" numeric,
  	"event_title" varchar,
  	"event_type" varchar,
  	"event_start_datetime" timestamp(3) with time zone,
  	"event_location" varchar,
  	"facilitator_id" numeric,
  	"booking_date" timestamp(3) with time zone,
  	"notes" varchar,
  	"received_at" timestamp(3) with time zone NOT NULL,
  	"status" "enum_crm_bookings_status" DEFAULT 'received' NOT NULL,
  	"crm_status" "enum_crm_bookings_crm_status" DEFAULT 'new' NOT NULL,
  	"crm_notes" varchar,
  	"assigned_to_id" integer,
  	"delivery_attempts" numeric DEFAULT 0,
  	"delivery_last_error" varchar,
  	"delivery_delivered_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "crm_status_changes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"crm_booking_id" integer NOT NULL,
  	"from_status" "enum_crm_status_changes_from_status",
  	"to_status" "enum_crm_status_changes_to_status" NOT NULL,
  	"actor" "enum_crm_status_changes_actor" NOT NULL,
  	"changed_by_id" integer,
  	"changed_at" timestamp(3) with time zone NOT NULL,
  	"notes" varchar
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "crm_bookings_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "crm_status_changes_id" integer;
  ALTER TABLE "crm_bookings" ADD CONSTRAINT "crm_bookings_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "crm_bookings" ADD CONSTRAINT "crm_bookings_assigned_to_id_users_id_fk" FOREIGN KEY ("assigned_to_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "crm_status_changes" ADD CONSTRAINT "crm_status_changes_crm_booking_id_crm_bookings_id_fk" FOREIGN KEY ("crm_booking_id") REFERENCES "public"."crm_bookings"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "crm_status_changes" ADD CONSTRAINT "crm_status_changes_changed_by_id_users_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "crm_bookings_booking_id_idx" ON "crm_bookings" USING btree ("booking_id");
  CREATE INDEX "crm_bookings_registration_idx" ON "crm_bookings" USING btree ("registration_id");
  CREATE INDEX "crm_bookings_facilitator_id_idx" ON "crm_bookings" USING btree ("facilitator_id");
  CREATE INDEX "crm_bookings_received_at_idx" ON "crm_bookings" USING btree ("received_at");
  CREATE INDEX "crm_bookings_status_idx" ON "crm_bookings" USING btree ("status");
  CREATE INDEX "crm_bookings_crm_status_idx" ON "crm_bookings" USING btree ("crm_status");
  CREATE INDEX "crm_bookings_assigned_to_idx" ON "crm_bookings" USING btree ("assigned_to_id");
  CREATE INDEX "crm_bookings_updated_at_idx" ON "crm_bookings" USING btree ("updated_at");
  CREATE INDEX "crm_bookings_created_at_idx" ON "crm_bookings" USING btree ("created_at");
  CREATE UNIQUE INDEX "source_booking_id_idx" ON "crm_bookings" USING btree ("source","booking_id");
  CREATE INDEX "crm_status_received_at_idx" ON "crm_bookings" USING btree ("crm_status","received_at");
  CREATE INDEX "crm_status_changes_crm_booking_idx" ON "crm_status_changes" USING btree ("crm_booking_id");
  CREATE INDEX "crm_status_changes_changed_by_idx" ON "crm_status_changes" USING btree ("changed_by_id");
  CREATE INDEX "crm_booking_changed_at_idx" ON "crm_status_changes" USING btree ("crm_booking_id","changed_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_crm_bookings_fk" FOREIGN KEY ("crm_bookings_id") REFERENCES "public"."crm_bookings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_crm_status_changes_fk" FOREIGN KEY ("crm_status_changes_id") REFERENCES "public"."crm_status_changes"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_crm_bookings_id_idx" ON "payload_locked_documents_rels" USING btree ("crm_bookings_id");
  CREATE INDEX "payload_locked_documents_rels_crm_status_changes_id_idx" ON "payload_locked_documents_rels" USING btree ("crm_status_changes_id");`)

  // The history is append-only: time-in-stage figures are only exact if no row is ever rewritten. The one
  // update allowed is the foreign key's own SET NULL when the user who made a move is deleted.
  await db.execute(sql`
  CREATE FUNCTION crm_status_changes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'UPDATE' AND NEW.changed_by_id IS NULL AND OLD.changed_by_id IS NOT NULL
      AND (NEW.id, NEW.crm_booking_id, NEW.from_status, NEW.to_status, NEW.actor, NEW.changed_at, NEW.notes)
        IS NOT DISTINCT FROM (OLD.id, OLD.crm_booking_id, OLD.from_status, OLD.to_status, OLD.actor, OLD.changed_at, OLD.notes) THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'crm_status_changes is append-only' USING ERRCODE = 'restrict_violation';
  END $$;
  CREATE TRIGGER crm_status_changes_append_only BEFORE UPDATE OR DELETE ON crm_status_changes
    FOR EACH ROW EXECUTE FUNCTION crm_status_changes_append_only();
  INSERT INTO "notification_types" ("code", "name", "description", "is_active", "default_frequency", "updated_at", "created_at") VALUES
    ('crm_bookings_waiting', 'CRM Bookings Waiting', 'Daily list of CRM bookings still new after 24 hours', true, 'immediate', now(), now())
  ON CONFLICT ("code") DO NOTHING;
  INSERT INTO "notification_types_default_channels" ("order", "parent_id", "value")
  SELECT c.ord, t.id, c.channel::"enum_notification_types_default_channels"
  FROM "notification_types" t CROSS JOIN LATERAL unnest(ARRAY['in_app', 'email']) WITH ORDINALITY AS c(channel, ord)
  WHERE t.code = 'crm_bookings_waiting'
    AND NOT EXISTS (SELECT 1 FROM "notification_types_default_channels" d WHERE d.parent_id = t.id);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP TRIGGER IF EXISTS crm_status_changes_append_only ON crm_status_changes;
  DROP FUNCTION IF EXISTS crm_status_changes_append_only();
  DELETE FROM "notification_types" WHERE "code" = 'crm_bookings_waiting';`)
  await db.execute(sql`
   ALTER TABLE "crm_bookings" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "crm_status_changes" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "crm_bookings" CASCADE;
  DROP TABLE "crm_status_changes" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_crm_bookings_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_crm_status_changes_fk";
  
  DROP INDEX "payload_locked_documents_rels_crm_bookings_id_idx";
  DROP INDEX "payload_locked_documents_rels_crm_status_changes_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "crm_bookings_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "crm_status_changes_id";
  DROP TYPE "public"."enum_crm_bookings_source";
  DROP TYPE "public"."enum_crm_bookings_status";
  DROP TYPE "public"."enum_crm_bookings_crm_status";
  DROP TYPE "public"."enum_crm_status_changes_from_status";
  DROP TYPE "public"."enum_crm_status_changes_to_status";
  DROP TYPE "public"."enum_crm_status_changes_actor";`)
}
