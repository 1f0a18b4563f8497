import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_notifications_priority" AS ENUM('low', 'medium', 'high');
  CREATE TYPE "public"."enum_notification_types_default_channels" AS ENUM('in_app', 'email', 'push');
  CREATE TYPE "public"."enum_notification_types_default_frequency" AS ENUM('immediate', 'daily_digest', 'weekly_summary', 'disabled');
  CREATE TYPE "public"."enum_notification_type_preferences_frequency" AS ENUM('immediate', 'daily_digest', 'weekly_summary', 'disabled');
  CREATE TYPE "public"."enum_notification_digests_kind" AS ENUM('daily_digest', 'weekly_summary');
  CREATE TABLE "waitlist_entries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"email" varchar NOT NULL,
  	"source" varchar,
  	"position" numeric NOT NULL,
  	"confirmation_sent" boolean DEFAULT false,
  	"subscribed_at" timestamp(3) with time zone NOT NULL,
  	"ip" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "notifications" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"notification_id" varchar NOT NULL,
  	"recipient_id" integer NOT NULL,
  	"type_id" integer NOT NULL,
  	"title" varchar NOT NULL,
  	"message" varchar,
  	"priority" "enum_notifications_priority" DEFAULT 'medium' NOT NULL,
  	"actor_type" varchar,
  	"actor_user_id" numeric,
  	"actor_investor_id" numeric,
  	"actor_display_name" varchar,
  	"redirect" jsonb,
  	"action_url" varchar,
  	"metadata" jsonb,
  	"is_read" boolean DEFAULT false,
  	"read_at" timestamp(3) with time zone,
  	"in_app" boolean DEFAULT true,
  	"expires_at" timestamp(3) with time zone,
  	"emailed_at" timestamp(3) with time zone,
  	"digest_id" integer,
  	"dedupe_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "notification_types_default_channels" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_notification_types_default_channels",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "notification_types" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"is_active" boolean DEFAULT true,
  	"default_frequency" "enum_notification_types_default_frequency" DEFAULT 'immediate' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "notification_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"enable_in_app" boolean DEFAULT true,
  	"enable_email" boolean DEFAULT true,
  	"enable_push" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "notification_type_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"notification_type_id" integer NOT NULL,
  	"frequency" "enum_notification_type_preferences_frequency" DEFAULT 'immediate' NOT NULL,
  	"email_enabled" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "notification_digests" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"kind" "enum_notification_digests_kind" NOT NULL,
  	"period_start" varchar NOT NULL,
  	"period_start_at" timestamp(3) with time zone NOT NULL,
  	"timezone" varchar NOT NULL,
  	"notification_count" numeric NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "waitlist_entries_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "notifications_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "notification_types_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "notification_preferences_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "notification_type_preferences_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "notification_digests_id" integer;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_type_id_notification_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."notification_types"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_digest_id_notification_digests_id_fk" FOREIGN KEY ("digest_id") REFERENCES "public"."notification_digests"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notification_types_default_channels" ADD CONSTRAINT "notification_types_default_channels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."notification_types"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notification_type_preferences" ADD CONSTRAINT "notification_type_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notification_type_preferences" ADD CONSTRAINT "notification_type_preferences_notification_type_id_notification_types_id_fk" FOREIGN KEY ("notification_type_id") REFERENCES "public"."notification_types"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notification_digests" ADD CONSTRAINT "notification_digests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "waitlist_entries_position_idx" ON "waitlist_entries" USING btree ("position");
  CREATE INDEX "waitlist_entries_updated_at_idx" ON "waitlist_entries" USING btree ("updated_at");
  CREATE INDEX "waitlist_entries_created_at_idx" ON "waitlist_entries" USING btree ("created_at");
  CREATE UNIQUE INDEX "notifications_notification_id_idx" ON "notifications" USING btree ("notification_id");
  CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_id");
  CREATE INDEX "notifications_type_idx" ON "notifications" USING btree ("type_id");
  CREATE INDEX "notifications_is_read_idx" ON "notifications" USING btree ("is_read");
  CREATE INDEX "notifications_expires_at_idx" ON "notifications" USING btree ("expires_at");
  CREATE INDEX "notifications_digest_idx" ON "notifications" USING btree ("digest_id");
  CREATE INDEX "notifications_updated_at_idx" ON "notifications" USING btree ("updated_at");
  CREATE INDEX "notifications_created_at_idx" ON "notifications" USING btree ("created_at");
  CREATE UNIQUE INDEX "recipient_dedupe_key_idx" ON "notifications" USING btree ("recipient_id","dedupe_key");
  CREATE INDEX "notification_types_default_channels_order_idx" ON "notification_types_default_channels" USING btree ("order");
  CREATE INDEX "notification_types_default_channels_parent_idx" ON "notification_types_default_channels" USING btree ("parent_id");
  CREATE UNIQUE INDEX "notification_types_code_idx" ON "notification_types" USING btree ("code");
  CREATE INDEX "notification_types_is_active_idx" ON "notification_types" USING btree ("is_active");
  CREATE INDEX "notification_types_updated_at_idx" ON "notification_types" USING btree ("updated_at");
  CREATE INDEX "notification_types_created_at_idx" ON "notification_types" USING btree ("created_at");
  CREATE UNIQUE INDEX "notification_preferences_user_idx" ON "notification_preferences" USING btree ("user_id");
  CREATE INDEX "notification_preferences_updated_at_idx" ON "notification_preferences" USING btree ("updated_at");
  CREATE INDEX "notification_preferences_created_at_idx" ON "notification_preferences" USING btree ("created_at");
  CREATE INDEX "notification_type_preferences_user_idx" ON "notification_type_preferences" USING btree ("user_id");
  CREATE INDEX "notification_type_preferences_notification_type_idx" ON "notification_type_preferences" USING btree ("notification_type_id");
  CREATE INDEX "notification_type_preferences_updated_at_idx" ON "notification_type_preferences" USING btree ("updated_at");
  CREATE INDEX "notification_type_preferences_created_at_idx" ON "notification_type_preferences" USING btree ("created_at");
  CREATE UNIQUE INDEX "user_notification_type_idx" ON "notification_type_preferences" USING btree ("user_id","notification_type_id");
  CREATE INDEX "notification_digests_user_idx" ON "notification_digests" USING btree ("user_id");
  CREATE INDEX "notification_digests_updated_at_idx" ON "notification_digests" USING btree ("updated_at");
  CREATE INDEX "notification_digests_created_at_idx" ON "notification_digests" USING btree ("created_at");
  CREATE UNIQUE INDEX "user_kind_period_start_idx" ON "notification_digests" USING btree ("user_id","kind","period_start");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_waitlist_entries_fk" FOREIGN KEY ("waitlist_entries_id") REFERENCES "public"."waitlist_entries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_notifications_fk" FOREIGN KEY ("notifications_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_notification_types_fk" FOREIGN KEY ("notification_types_id") REFERENCES "public"."notification_types"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_notification_preferences_fk" FOREIGN KEY ("notification_preferences_id") REFERENCES "public"."notification_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_notification_type_preferenc_fk" FOREIGN KEY ("notification_type_preferences_id") REFERENCES "public"."notification_type_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_notification_digests_fk" FOREIGN KEY ("notification_digests_id") REFERENCES "public"."notification_digests"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_waitlist_entries_id_idx" ON "payload_locked_documents_rels" USING btree ("waitlist_entries_id");
  CREATE INDEX "payload_locked_documents_rels_notifications_id_idx" ON "payload_locked_documents_rels" USING btree ("notifications_id");
  CREATE INDEX "payload_locked_documents_rels_notification_types_id_idx" ON "payload_locked_documents_rels" USING btree ("notification_types_id");
  CREATE INDEX "payload_locked_documents_rels_notification_preferences_i_idx" ON "payload_locked_documents_rels" USING btree ("notification_preferences_id");
  CREATE INDEX "payload_locked_documents_rels_notification_type_preferen_idx" ON "payload_locked_documents_rels" USING btree ("notification_type_preferences_id");
  CREATE INDEX "payload_locked_documents_rels_notification_digests_id_idx" ON "payload_locked_documents_rels" USING btree ("notification_digests_id");`)
  // Written by hand: what the inbox queries use, the rules that keep waitlist positions and emails honest,
  // rows that go with their user (or type) when it is deleted, and the seeded notification types.
  await db.execute(sql`
  ALTER TABLE "notifications" ALTER COLUMN "notification_id" SET DEFAULT gen_random_uuid()::text;
  ALTER TABLE "notifications" ALTER COLUMN "is_read" SET NOT NULL;
  ALTER TABLE "notifications" ALTER COLUMN "in_app" SET NOT NULL;
  CREATE INDEX "notifications_inbox" ON "notifications" ("recipient_id", "created_at" DESC, "id" DESC) WHERE "in_app";
  CREATE INDEX "notifications_unread" ON "notifications" ("recipient_id") WHERE "in_app" AND NOT "is_read";
  CREATE INDEX "notifications_email_pending" ON "notifications" ("recipient_id") WHERE "emailed_at" IS NULL AND NOT "is_read";
  CREATE UNIQUE INDEX "waitlist_entries_email_lower" ON "waitlist_entries" (lower("email"));
  ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_position_positive" CHECK ("position" >= 1 AND "position" = trunc("position"));
  ALTER TABLE "notifications" DROP CONSTRAINT "notifications_recipient_id_users_id_fk";
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE cascade;
  ALTER TABLE "notifications" DROP CONSTRAINT "notifications_type_id_notification_types_id_fk";
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_type_id_notification_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."notification_types"("id") ON DELETE cascade;
  ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_user_id_users_id_fk";
  ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade;
  ALTER TABLE "notification_type_preferences" DROP CONSTRAINT "notification_type_preferences_user_id_users_id_fk";
  ALTER TABLE "notification_type_preferences" ADD CONSTRAINT "notification_type_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade;
  ALTER TABLE "notification_type_preferences" DROP CONSTRAINT "notification_type_preferences_notification_type_id_notification_types_id_fk";
  ALTER TABLE "notification_type_preferences" ADD CONSTRAINT "notification_type_preferences_notification_type_id_notification_types_id_fk" FOREIGN KEY ("notification_type_id") REFERENCES "public"."notification_types"("id") ON DELETE cascade;
  ALTER TABLE "notification_digests" DROP CONSTRAINT "notification_digests_user_id_users_id_fk";
  ALTER TABLE "notification_digests" ADD CONSTRAINT "notification_digests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade;
  INSERT INTO "notification_types" ("code", "name", "description", "is_active", "default_frequency", "updated_at", "created_at") VALUES
    ('message_received', 'Message Received', 'A new message was received', true, 'immediate', now(), now()),
    ('project_update', 'Project Update', 'A project you follow was updated', true, 'daily_digest', now(), now()),
    ('project_followed', 'Project Followed', 'Someone followed your project', true, 'immediate', now(), now()),
    ('funding_milestone', 'Funding Milestone', 'A project reached a funding milestone', true, 'immediate', now(), now()),
    ('event_reminder', 'Event Reminder', 'An event you registered for starts soon', true, 'immediate', now(), now()),
    ('registration_confirmed', 'Registration Confirmed', 'Your registration for an event is confirmed', true, 'immediate', now(), now()),
    ('waitlist_offer', 'Waitlist Offer', 'A seat opened up for an event you are waiting for', true, 'immediate', now(), now()),
    ('payment_failed', 'Payment Failed', 'A payment did not go through', true, 'immediate', now(), now()),
    ('booking_status_changed', 'Booking Status Changed', 'The status of one of your bookings changed', true, 'immediate', now(), now()),
    ('session_reminder', 'Session Reminder', 'A session you booked starts soon', true, 'immediate', now(), now()),
    ('support_ticket_updated', 'Support Ticket Updated', 'One of your support tickets was updated', true, 'immediate', now(), now()),
    ('system', 'System', 'An announcement from the platform', true, 'immediate', now(), now()),
    ('info', 'Info', 'Information (spec 003 notify/send)', true, 'immediate', now(), now()),
    ('success', 'Success', 'Something finished well (spec 003 notify/send)', true, 'immediate', now(), now()),
    ('warning', 'Warning', 'Something needs attention (spec 003 notify/send)', true, 'immediate', now(), now()),
    ('error', 'Error', 'Something failed (spec 003 notify/send)', true, 'immediate', now(), now())
  ON CONFLICT ("code") DO NOTHING;
  -- Types whose email another area already sends (tickets, offers) or that are in-app only (003's levels, system).
  INSERT INTO "notification_types_default_channels" ("order", "parent_id", "value")
  SELECT c.ord, t.id, c.channel::"enum_notification_types_default_channels"
  FROM "notification_types" t
  CROSS JOIN LATERAL unnest(
    CASE WHEN t.code IN ('registration_confirmed', 'waitlist_offer', 'system', 'info', 'success', 'warning', 'error')
      THEN ARRAY['in_app', 'push'] ELSE ARRAY['in_app', 'email', 'push'] END
  ) WITH ORDINALITY AS c(channel, ord);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "waitlist_entries" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notifications" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notification_types_default_channels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notification_types" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notification_preferences" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notification_type_preferences" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notification_digests" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "waitlist_entries" CASCADE;
  DROP TABLE "notifications" CASCADE;
  DROP TABLE "notification_types_default_channels" CASCADE;
  DROP TABLE "notification_types" CASCADE;
  DROP TABLE "notification_preferences" CASCADE;
  DROP TABLE "notification_type_preferences" CASCADE;
  DROP TABLE "notification_digests" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_waitlist_entries_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_notifications_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_notification_types_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_notification_preferences_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_notification_type_preferenc_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_notification_digests_fk";
  
  DROP INDEX "payload_locked_documents_rels_waitlist_entries_id_idx";
  DROP INDEX "payload_locked_documents_rels_notifications_id_idx";
  DROP INDEX "payload_locked_documents_rels_notification_types_id_idx";
  DROP INDEX "payload_locked_documents_rels_notification_preferences_i_idx";
  DROP INDEX "payload_locked_documents_rels_notification_type_preferen_idx";
  DROP INDEX "payload_locked_documents_rels_notification_digests_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "waitlist_entries_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "notifications_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "notification_types_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "notification_preferences_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "notification_type_preferences_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "notification_digests_id";
  DROP TYPE "public"."enum_notifications_priority";
  DROP TYPE "public"."enum_notification_types_default_channels";
  DROP TYPE "public"."enum_notification_types_default_frequency";
  DROP TYPE "public"."enum_notification_type_preferences_frequency";
  DROP TYPE "public"."enum_notification_digests_kind";`)
}
