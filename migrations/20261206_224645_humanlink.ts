import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_matches_status" AS ENUM('pending', 'accepted', 'declined');
  CREATE TYPE "public"."enum_friend_sessions_type" AS ENUM('text', 'voice', 'video');
  CREATE TYPE "public"."enum_friend_sessions_status" AS ENUM('upcoming', 'completed', 'cancelled', 'no_show');
  CREATE TYPE "public"."enum_friend_sessions_payment_status" AS ENUM('not_required', 'paid', 'requires_action', 'failed');
  CREATE TYPE "public"."enum_support_tickets_status" AS ENUM('open', 'in_progress', 'resolved', 'closed');
  CREATE TABLE "matches" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"friend_id" integer NOT NULL,
  	"compatibility_score" numeric NOT NULL,
  	"status" "enum_matches_status" DEFAULT 'pending' NOT NULL,
  	"responded_at" timestamp(3) with time zone,
  	"created_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "friend_profiles" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"bio" varchar,
  	"rate_cents" numeric DEFAULT 0 NOT NULL,
  	"currency" varchar DEFAULT 'USD' NOT NULL,
  	"timezone" varchar DEFAULT 'UTC' NOT NULL,
  	"availability" jsonb DEFAULT '[]'::jsonb NOT NULL,
  	"rating_average" numeric,
  	"rating_count" numeric DEFAULT 0 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "friend_sessions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"friend_id" integer NOT NULL,
  	"type" "enum_friend_sessions_type" NOT NULL,
  	"scheduled_at" timestamp(3) with time zone NOT NULL,
  	"ends_at" timestamp(3) with time zone NOT NULL,
  	"duration_minutes" numeric NOT NULL,
  	"price_cents" numeric NOT NULL,
  	"currency" varchar NOT NULL,
  	"status" "enum_friend_sessions_status" DEFAULT 'upcoming' NOT NULL,
  	"notes" varchar,
  	"payment_status" "enum_friend_sessions_payment_status" NOT NULL,
  	"stripe_payment_intent_id" varchar,
  	"late_cancellation" boolean DEFAULT false,
  	"cancelled_at" timestamp(3) with time zone,
  	"cancelled_by_id" integer,
  	"reminded_24h_at" timestamp(3) with time zone,
  	"reminded_15m_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "feedback" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"session_id" integer NOT NULL,
  	"user_id" integer NOT NULL,
  	"friend_id" integer NOT NULL,
  	"rating" numeric NOT NULL,
  	"comment" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "feedback_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "support_tickets_replies" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"message" varchar NOT NULL,
  	"author_id" integer,
  	"created_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "support_tickets" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"subject" varchar NOT NULL,
  	"message" varchar NOT NULL,
  	"status" "enum_support_tickets_status" DEFAULT 'open' NOT NULL,
  	"assigned_to_id" integer,
  	"resolved_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "matches_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "friend_profiles_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "friend_sessions_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "feedback_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "support_tickets_id" integer;
  ALTER TABLE "matches" ADD CONSTRAINT "matches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "matches" ADD CONSTRAINT "matches_friend_id_users_id_fk" FOREIGN KEY ("friend_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "matches" ADD CONSTRAINT "matches_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "friend_profiles" ADD CONSTRAINT "friend_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "friend_sessions" ADD CONSTRAINT "friend_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "friend_sessions" ADD CONSTRAINT "friend_sessions_friend_id_users_id_fk" FOREIGN KEY ("friend_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "friend_sessions" ADD CONSTRAINT "friend_sessions_cancelled_by_id_users_id_fk" FOREIGN KEY ("cancelled_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "feedback" ADD CONSTRAINT "feedback_session_id_friend_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."friend_sessions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "feedback" ADD CONSTRAINT "feedback_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "feedback" ADD CONSTRAINT "feedback_friend_id_users_id_fk" FOREIGN KEY ("friend_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "feedback_texts" ADD CONSTRAINT "feedback_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."feedback"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "support_tickets_replies" ADD CONSTRAINT "support_tickets_replies_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "support_tickets_replies" ADD CONSTRAINT "support_tickets_replies_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."support_tickets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_assigned_to_id_users_id_fk" FOREIGN KEY ("assigned_to_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "matches_user_idx" ON "matches" USING btree ("user_id");
  CREATE INDEX "matches_friend_idx" ON "matches" USING btree ("friend_id");
  CREATE INDEX "matches_compatibility_score_idx" ON "matches" USING btree ("compatibility_score");
  CREATE INDEX "matches_status_idx" ON "matches" USING btree ("status");
  CREATE INDEX "matches_created_by_idx" ON "matches" USING btree ("created_by_id");
  CREATE INDEX "matches_updated_at_idx" ON "matches" USING btree ("updated_at");
  CREATE INDEX "matches_created_at_idx" ON "matches" USING btree ("created_at");
  CREATE UNIQUE INDEX "user_friend_idx" ON "matches" USING btree ("user_id","friend_id");
  CREATE UNIQUE INDEX "friend_profiles_user_idx" ON "friend_profiles" USING btree ("user_id");
  CREATE INDEX "friend_profiles_updated_at_idx" ON "friend_profiles" USING btree ("updated_at");
  CREATE INDEX "friend_profiles_created_at_idx" ON "friend_profiles" USING btree ("created_at");
  CREATE INDEX "friend_sessions_user_idx" ON "friend_sessions" USING btree ("user_id");
  CREATE INDEX "friend_sessions_friend_idx" ON "friend_sessions" USING btree ("friend_id");
  CREATE INDEX "friend_sessions_scheduled_at_idx" ON "friend_sessions" USING btree ("scheduled_at");
  CREATE INDEX "friend_sessions_status_idx" ON "friend_sessions" USING btree ("status");
  CREATE INDEX "friend_sessions_stripe_payment_intent_id_idx" ON "friend_sessions" USING btree ("stripe_payment_intent_id");
  CREATE INDEX "friend_sessions_cancelled_by_idx" ON "friend_sessions" USING btree ("cancelled_by_id");
  CREATE INDEX "friend_sessions_updated_at_idx" ON "friend_sessions" USING btree ("updated_at");
  CREATE INDEX "friend_sessions_created_at_idx" ON "friend_sessions" USING btree ("created_at");
  CREATE INDEX "status_scheduled_at_idx" ON "friend_sessions" USING btree ("status","scheduled_at");
  CREATE UNIQUE INDEX "feedback_session_idx" ON "feedback" USING btree ("session_id");
  CREATE INDEX "feedback_user_idx" ON "feedback" USING btree ("user_id");
  CREATE INDEX "feedback_friend_idx" ON "feedback" USING btree ("friend_id");
  CREATE INDEX "feedback_rating_idx" ON "feedback" USING btree ("rating");
  CREATE INDEX "feedback_updated_at_idx" ON "feedback" USING btree ("updated_at");
  CREATE INDEX "feedback_created_at_idx" ON "feedback" USING btree ("created_at");
  CREATE INDEX "feedback_texts_order_parent" ON "feedback_texts" USING btree ("order","parent_id");
  CREATE INDEX "support_tickets_replies_order_idx" ON "support_tickets_replies" USING btree ("_order");
  CREATE INDEX "support_tickets_replies_parent_id_idx" ON "support_tickets_replies" USING btree ("_parent_id");
  CREATE INDEX "support_tickets_replies_author_idx" ON "support_tickets_replies" USING btree ("author_id");
  CREATE INDEX "support_tickets_user_idx" ON "support_tickets" USING btree ("user_id");
  CREATE INDEX "support_tickets_status_idx" ON "support_tickets" USING btree ("status");
  CREATE INDEX "support_tickets_assigned_to_idx" ON "support_tickets" USING btree ("assigned_to_id");
  CREATE INDEX "support_tickets_updated_at_idx" ON "support_tickets" USING btree ("updated_at");
  CREATE INDEX "support_tickets_created_at_idx" ON "support_tickets" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_matches_fk" FOREIGN KEY ("matches_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_friend_profiles_fk" FOREIGN KEY ("friend_profiles_id") REFERENCES "public"."friend_profiles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_friend_sessions_fk" FOREIGN KEY ("friend_sessions_id") REFERENCES "public"."friend_sessions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_feedback_fk" FOREIGN KEY ("feedback_id") REFERENCES "public"."feedback"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_support_tickets_fk" FOREIGN KEY ("support_tickets_id") REFERENCES "public"."support_tickets"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_matches_id_idx" ON "payload_locked_documents_rels" USING btree ("matches_id");
  CREATE INDEX "payload_locked_documents_rels_friend_profiles_id_idx" ON "payload_locked_documents_rels" USING btree ("friend_profiles_id");
  CREATE INDEX "payload_locked_documents_rels_friend_sessions_id_idx" ON "payload_locked_documents_rels" USING btree ("friend_sessions_id");
  CREATE INDEX "payload_locked_documents_rels_feedback_id_idx" ON "payload_locked_documents_rels" USING btree ("feedback_id");
  CREATE INDEX "payload_locked_documents_rels_support_tickets_id_idx" ON "payload_locked_documents_rels" USING btree ("support_tickets_id");`)
  // Hand-written: the database refuses double bookings (an upcoming session overlapping another upcoming
  // session of the same friend or of the same user), whatever the concurrency; ranges are half-open, so
  // back-to-back sessions do not overlap. btree_gist gives GiST its integer equality.
  await db.execute(sql`
  CREATE EXTENSION IF NOT EXISTS btree_gist;
  ALTER TABLE "friend_sessions" ADD CONSTRAINT "friend_sessions_friend_no_overlap"
    EXCLUDE USING gist ("friend_id" WITH =, tstzrange("scheduled_at", "ends_at", '[)') WITH &&) WHERE ("status" = 'upcoming');
  ALTER TABLE "friend_sessions" ADD CONSTRAINT "friend_sessions_user_no_overlap"
    EXCLUDE USING gist ("user_id" WITH =, tstzrange("scheduled_at", "ends_at", '[)') WITH &&) WHERE ("status" = 'upcoming');
  ALTER TABLE "friend_sessions" ADD CONSTRAINT "friend_sessions_ends_after_start" CHECK ("ends_at" > "scheduled_at");
  ALTER TABLE "friend_sessions" ADD CONSTRAINT "friend_sessions_duration_range" CHECK ("duration_minutes" BETWEEN 15 AND 240);
  ALTER TABLE "friend_sessions" ADD CONSTRAINT "friend_sessions_price_non_negative" CHECK ("price_cents" >= 0);
  ALTER TABLE "friend_sessions" ADD CONSTRAINT "friend_sessions_not_self" CHECK ("user_id" <> "friend_id");
  CREATE INDEX "friend_sessions_upcoming_start_idx" ON "friend_sessions" ("scheduled_at") WHERE "status" = 'upcoming';
  ALTER TABLE "matches" ADD CONSTRAINT "matches_score_range" CHECK ("compatibility_score" BETWEEN 0 AND 100);
  ALTER TABLE "matches" ADD CONSTRAINT "matches_not_self" CHECK ("user_id" <> "friend_id");
  ALTER TABLE "feedback" ADD CONSTRAINT "feedback_rating_range" CHECK ("rating" BETWEEN 1 AND 5);
  ALTER TABLE "friend_profiles" ADD CONSTRAINT "friend_profiles_rating_count_non_negative" CHECK ("rating_count" >= 0);
  ALTER TABLE "friend_profiles" ADD CONSTRAINT "friend_profiles_rate_non_negative" CHECK ("rate_cents" >= 0);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "matches" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "friend_profiles" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "friend_sessions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "feedback" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "feedback_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "support_tickets_replies" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "support_tickets" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "matches" CASCADE;
  DROP TABLE "friend_profiles" CASCADE;
  DROP TABLE "friend_sessions" CASCADE;
  DROP TABLE "feedback" CASCADE;
  DROP TABLE "feedback_texts" CASCADE;
  DROP TABLE "support_tickets_replies" CASCADE;
  DROP TABLE "support_tickets" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_matches_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_friend_profiles_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_friend_sessions_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_feedback_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_support_tickets_fk";
  
  DROP INDEX "payload_locked_documents_rels_matches_id_idx";
  DROP INDEX "payload_locked_documents_rels_friend_profiles_id_idx";
  DROP INDEX "payload_locked_documents_rels_friend_sessions_id_idx";
  DROP INDEX "payload_locked_documents_rels_feedback_id_idx";
  DROP INDEX "payload_locked_documents_rels_support_tickets_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "matches_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "friend_profiles_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "friend_sessions_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "feedback_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "support_tickets_id";
  DROP TYPE "public"."enum_matches_status";
  DROP TYPE "public"."enum_friend_sessions_type";
  DROP TYPE "public"."enum_friend_sessions_status";
  DROP TYPE "public"."enum_friend_sessions_payment_status";
  DROP TYPE "public"."enum_support_tickets_status";`)
}
