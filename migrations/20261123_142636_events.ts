import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_events_status" AS ENUM('draft', 'active', 'cancelled', 'completed');
  CREATE TYPE "public"."enum_registrations_status" AS ENUM('pending_payment', 'confirmed', 'cancelled', 'waitlisted', 'checked_in');
  CREATE TYPE "public"."enum_registrations_payment_status" AS ENUM('not_required', 'pending', 'paid', 'failed', 'refunded');
  CREATE TYPE "public"."enum_registrations_cancel_reason" AS ENUM('user', 'staff', 'event_cancelled', 'offer_expired', 'hold_expired', 'payment_failed');
  CREATE TABLE "events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"description" jsonb,
  	"description_text" varchar,
  	"event_type_id" integer NOT NULL,
  	"facilitator_id" integer,
  	"start_datetime" timestamp(3) with time zone NOT NULL,
  	"end_datetime" timestamp(3) with time zone NOT NULL,
  	"timezone" varchar DEFAULT 'UTC',
  	"location_name" varchar,
  	"location_city" varchar,
  	"location_country" varchar,
  	"location" varchar,
  	"virtual_link" varchar,
  	"max_attendees" numeric DEFAULT 0 NOT NULL,
  	"seats_taken" numeric DEFAULT 0,
  	"price_cents" numeric DEFAULT 0 NOT NULL,
  	"currency" varchar DEFAULT 'USD' NOT NULL,
  	"requirements" varchar,
  	"image_url" varchar,
  	"is_published" boolean DEFAULT false,
  	"status" "enum_events_status" DEFAULT 'active' NOT NULL,
  	"created_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "registrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"event_id" integer NOT NULL,
  	"user_id" integer NOT NULL,
  	"status" "enum_registrations_status" NOT NULL,
  	"ticket_code" varchar,
  	"notes" varchar,
  	"payment_status" "enum_registrations_payment_status" DEFAULT 'not_required' NOT NULL,
  	"booking_date" timestamp(3) with time zone NOT NULL,
  	"holds_seat" boolean DEFAULT false,
  	"hold_expires_at" timestamp(3) with time zone,
  	"offer_expires_at" timestamp(3) with time zone,
  	"claim_token_hash" varchar,
  	"checked_in_at" timestamp(3) with time zone,
  	"cancelled_at" timestamp(3) with time zone,
  	"cancel_reason" "enum_registrations_cancel_reason",
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "event_types" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"label" varchar NOT NULL,
  	"value" numeric NOT NULL,
  	"is_active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "facilitators" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer,
  	"name" varchar NOT NULL,
  	"bio" varchar,
  	"photo_url" varchar,
  	"is_active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "facilitators_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "events_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "registrations_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "event_types_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "facilitators_id" integer;
  ALTER TABLE "events" ADD CONSTRAINT "events_event_type_id_event_types_id_fk" FOREIGN KEY ("event_type_id") REFERENCES "public"."event_types"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "events" ADD CONSTRAINT "events_facilitator_id_facilitators_id_fk" FOREIGN KEY ("facilitator_id") REFERENCES "public"."facilitators"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "events" ADD CONSTRAINT "events_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "registrations" ADD CONSTRAINT "registrations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "registrations" ADD CONSTRAINT "registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "facilitators" ADD CONSTRAINT "facilitators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "facilitators_texts" ADD CONSTRAINT "facilitators_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."facilitators"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "events_event_type_idx" ON "events" USING btree ("event_type_id");
  CREATE INDEX "events_facilitator_idx" ON "events" USING btree ("facilitator_id");
  CREATE INDEX "events_start_datetime_idx" ON "events" USING btree ("start_datetime");
  CREATE INDEX "events_location_city_idx" ON "events" USING btree ("location_city");
  CREATE INDEX "events_location_country_idx" ON "events" USING btree ("location_country");
  CREATE INDEX "events_is_published_idx" ON "events" USING btree ("is_published");
  CREATE INDEX "events_status_idx" ON "events" USING btree ("status");
  CREATE INDEX "events_created_by_idx" ON "events" USING btree ("created_by_id");
  CREATE INDEX "events_updated_at_idx" ON "events" USING btree ("updated_at");
  CREATE INDEX "events_created_at_idx" ON "events" USING btree ("created_at");
  CREATE INDEX "is_published_status_start_datetime_idx" ON "events" USING btree ("is_published","status","start_datetime");
  CREATE INDEX "registrations_event_idx" ON "registrations" USING btree ("event_id");
  CREATE INDEX "registrations_user_idx" ON "registrations" USING btree ("user_id");
  CREATE INDEX "registrations_status_idx" ON "registrations" USING btree ("status");
  CREATE UNIQUE INDEX "registrations_ticket_code_idx" ON "registrations" USING btree ("ticket_code");
  CREATE INDEX "registrations_holds_seat_idx" ON "registrations" USING btree ("holds_seat");
  CREATE INDEX "registrations_offer_expires_at_idx" ON "registrations" USING btree ("offer_expires_at");
  CREATE INDEX "registrations_updated_at_idx" ON "registrations" USING btree ("updated_at");
  CREATE INDEX "registrations_created_at_idx" ON "registrations" USING btree ("created_at");
  CREATE INDEX "event_status_idx" ON "registrations" USING btree ("event_id","status");
  CREATE INDEX "user_status_idx" ON "registrations" USING btree ("user_id","status");
  CREATE UNIQUE INDEX "event_types_key_idx" ON "event_types" USING btree ("key");
  CREATE UNIQUE INDEX "event_types_value_idx" ON "event_types" USING btree ("value");
  CREATE INDEX "event_types_updated_at_idx" ON "event_types" USING btree ("updated_at");
  CREATE INDEX "event_types_created_at_idx" ON "event_types" USING btree ("created_at");
  CREATE UNIQUE INDEX "facilitators_user_idx" ON "facilitators" USING btree ("user_id");
  CREATE INDEX "facilitators_is_active_idx" ON "facilitators" USING btree ("is_active");
  CREATE INDEX "facilitators_updated_at_idx" ON "facilitators" USING btree ("updated_at");
  CREATE INDEX "facilitators_created_at_idx" ON "facilitators" USING btree ("created_at");
  CREATE INDEX "facilitators_texts_order_parent" ON "facilitators_texts" USING btree ("order","parent_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_events_fk" FOREIGN KEY ("events_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_registrations_fk" FOREIGN KEY ("registrations_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_event_types_fk" FOREIGN KEY ("event_types_id") REFERENCES "public"."event_types"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_facilitators_fk" FOREIGN KEY ("facilitators_id") REFERENCES "public"."facilitators"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_events_id_idx" ON "payload_locked_documents_rels" USING btree ("events_id");
  CREATE INDEX "payload_locked_documents_rels_registrations_id_idx" ON "payload_locked_documents_rels" USING btree ("registrations_id");
  CREATE INDEX "payload_locked_documents_rels_event_types_id_idx" ON "payload_locked_documents_rels" USING btree ("event_types_id");
  CREATE INDEX "payload_locked_documents_rels_facilitators_id_idx" ON "payload_locked_documents_rels" USING btree ("facilitators_id");`)
  // Written by hand: the rules that keep seats honest under any concurrency, and the reference data.
  await db.execute(sql`
  ALTER TABLE "events" ALTER COLUMN "seats_taken" SET NOT NULL;
  ALTER TABLE "events" ADD CONSTRAINT "events_seats_within_capacity"
    CHECK ("seats_taken" >= 0 AND "max_attendees" >= 0 AND ("max_attendees" = 0 OR "seats_taken" <= "max_attendees"));
  ALTER TABLE "events" ADD CONSTRAINT "events_end_after_start" CHECK ("end_datetime" > "start_datetime");
  ALTER TABLE "events" ADD CONSTRAINT "events_price_not_negative" CHECK ("price_cents" >= 0);
  CREATE UNIQUE INDEX "registrations_one_active" ON "registrations" ("event_id", "user_id")
    WHERE "status" IN ('pending_payment', 'confirmed', 'checked_in', 'waitlisted');
  ALTER TABLE "registrations" DROP CONSTRAINT "registrations_event_id_events_id_fk";
  ALTER TABLE "registrations" ADD CONSTRAINT "registrations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE restrict;
  ALTER TABLE "registrations" DROP CONSTRAINT "registrations_user_id_users_id_fk";
  ALTER TABLE "registrations" ADD CONSTRAINT "registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict;
  INSERT INTO "event_types" ("key", "label", "value", "is_active", "updated_at", "created_at") VALUES
    ('session', 'Session', 1, true, now(), now()),
    ('retreat', 'Retreat', 2, true, now(), now()),
    ('hackathon', 'Hackathon', 3, true, now(), now()),
    ('meetup', 'Meetup', 4, true, now(), now()),
    ('workshop', 'Workshop', 5, true, now(), now()),
    ('group', 'Group event', 6, true, now(), now())
  ON CONFLICT ("key") DO NOTHING;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "registrations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "event_types" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "facilitators" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "facilitators_texts" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "events" CASCADE;
  DROP TABLE "registrations" CASCADE;
  DROP TABLE "event_types" CASCADE;
  DROP TABLE "facilitators" CASCADE;
  DROP TABLE "facilitators_texts" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_events_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_registrations_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_event_types_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_facilitators_fk";
  
  DROP INDEX "payload_locked_documents_rels_events_id_idx";
  DROP INDEX "payload_locked_documents_rels_registrations_id_idx";
  DROP INDEX "payload_locked_documents_rels_event_types_id_idx";
  DROP INDEX "payload_locked_documents_rels_facilitators_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "events_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "registrations_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "event_types_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "facilitators_id";
  DROP TYPE "public"."enum_events_status";
  DROP TYPE "public"."enum_registrations_status";
  DROP TYPE "public"."enum_registrations_payment_status";
  DROP TYPE "public"."enum_registrations_cancel_reason";`)
}
